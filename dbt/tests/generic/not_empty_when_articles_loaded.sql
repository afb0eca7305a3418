{#
    Fails when the model has no rows although the run loaded articles: the sign of an
    extraction or a join that collapsed (a parser change that finds nobody, a key that no
    longer matches), which unique/not_null tests on an empty table would let through.
#}
{% test not_empty_when_articles_loaded(model) %}

select 'no rows although articles were loaded' as failure
where not exists (select 1 from {{ model }})
  and exists (select 1 from {{ source('raw', 'articles') }})

{% endtest %}
