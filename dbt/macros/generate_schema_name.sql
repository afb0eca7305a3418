{#
    Use a model's custom schema as-is (no `<target>_` prefix), so marts land in `main`,
    the default schema that analysts and score.py query unqualified, and staging /
    intermediate models in `staging` / `intermediate`. Without a custom schema: the target's.
#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
