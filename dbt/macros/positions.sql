{#
    position_key(person_key, post, organization_key, canonical_title): the key of a person's
    position, one post in one body: the body's organization_key, else (a body the warehouse does
    not know) the canonical title's name key. dim_person_positions keys the posts articles state,
    int_personnel_events the posts events take or leave, with this one macro, so an event finds
    the position it starts or ends.
#}

{% macro position_key(person_key, post, organization_key, canonical_title) -%}
    {{ hash_key([
        person_key, name_key(post), "coalesce(" ~ organization_key ~ ", " ~ name_key(canonical_title) ~ ")"
    ]) }}
{%- endmacro %}
