{#
    Fails when the model's row count differs from the rows of `compare_model` that match
    `compare_where`: a row per article or per person that went missing or was doubled.
#}
{% test row_count_equals(model, compare_model, compare_where='true') %}

with

counts as (

    select
        (select count(*) from {{ model }}) as model_rows,
        (select count(*) from {{ compare_model }} where {{ compare_where }}) as expected_rows

)

select * from counts
where model_rows <> expected_rows

{% endtest %}
