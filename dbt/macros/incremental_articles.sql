{#
    Per-article incremental models: a model whose every row belongs to one article (article_key,
    the document key) is rebuilt, on a nightly build, for the articles the raw load changed only
    (incremental.article_changes: added, given another version, or removed):

        {{ config(
            materialized='incremental',
            incremental_strategy='append',
            pre_hook="{{ delete_changed_articles() }}",
        ) }}
        ... from {{ ref('stg_x') }} {{ where_changed_articles() }}

    The pre-hook deletes the changed articles' old rows (a removed article has no new rows for a
    delete+insert on a key to delete by); the model's query then appends their new rows. Since
    each row depends on its own article's rows only, the table equals a full rebuild's. A full
    build (--full-refresh: first build, FULL=1, weekly, a changed dbt project or extractor) builds
    the table from every article. tests/test_incremental.py compares the two.
#}

{% macro delete_changed_articles(column='article_key') -%}
    {%- if is_incremental() -%}
        delete from {{ this }} where {{ column }} in (select document_key from incremental.article_changes)
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{% macro where_changed_articles(column='article_key', keyword='where') -%}
    {%- if is_incremental() -%}
        {{ keyword }} {{ column }} in (select document_key from incremental.article_changes)
    {%- endif -%}
{%- endmacro %}
