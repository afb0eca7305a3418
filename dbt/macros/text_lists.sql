{#
    A list as one readable text column: its items in order, joined by '; ' (empty text for an
    empty or null list). Marts hold no list or struct columns: BI tools read them as type
    UNKNOWN and show escaped JSON, and a text column filters and displays everywhere. Where the
    items are rows of their own, a bridge table or another mart holds them one per row.
#}
{% macro joined_text(list_expression) -%}
    coalesce(array_to_string({{ list_expression }}, '; '), '')
{%- endmacro %}
