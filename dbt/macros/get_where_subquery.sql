{#
    The rows a data test reads. dbt wraps the model of every generic test in this macro (it is how
    a test's `where` config applies); here it also scopes the nightly build's tests.

    Nightly (DBT_TEST_SCOPE = 'changed', set by dagster_project/assets/dbt.py) a test reads only the
    rows of the articles this run added, gave another version or removed
    (incremental.article_changes, written by the raw load), when the model it tests has an
    article_key column: what is unchanged passed its tests when it was built. Global invariants
    read every row: key tests (unique, unique_combination_of_columns: a new row can clash with an
    old one), row counts compared with another model (row_count_equals) and a table that must not
    be empty (not_empty_when_articles_loaded: a night whose only new file is rejected has no
    changed rows); they are cheap. Models without article_key, and the ingest models (one row per
    file, where article_key is the extraction's and a rejected file has none), are tested whole. The full build (weekly, FULL=1)
    sets 'all', and every test reads every row.
#}

{% macro duckdb__get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- set conditions = [where] if where else [] -%}
    {#- not at parse time: graph is empty then, and an environment variable read while parsing would
        make dbt parse every test again whenever its value changes -#}
    {%- if execute and env_var('DBT_TEST_SCOPE', 'all') == 'changed' and article_scoped(model) -%}
        {%- do conditions.append(
            "article_key in (select document_key from incremental.article_changes)"
        ) -%}
    {%- endif -%}
    {%- if conditions -%}
        {%- set filtered -%}
            (select * from {{ relation }} where {{ conditions | join(' and ') }}) as dbt_subquery
        {%- endset -%}
        {%- do return(filtered) -%}
    {%- else -%}
        {%- do return(relation) -%}
    {%- endif -%}
{%- endmacro %}

{% macro article_scoped(test) -%}
    {#- Whether this test may read only the changed articles' rows (see above). -#}
    {%- set metadata = test.get('test_metadata') or {} -%}
    {#- invariants of the whole table: a key, a row count, a table that must not be empty -#}
    {%- set global_tests = (
        'unique', 'unique_combination_of_columns', 'row_count_equals', 'not_empty_when_articles_loaded'
    ) -%}
    {%- if metadata.get('name') in global_tests -%}
        {%- do return(false) -%}
    {%- endif -%}
    {%- set tested = graph.nodes.get(test.get('attached_node') or '') -%}
    {%- if tested is none or tested.get('name', '').startswith(('stg_ingest_', 'ingest_')) -%}
        {%- do return(false) -%}
    {%- endif -%}
    {%- do return('article_key' in tested.get('columns', {})) -%}
{%- endmacro %}
