{#
    Identity helpers shared by the intermediate models.

    fold_tone_placement(expr): old-style Vietnamese tone placement -> new style, for the
    syllable-final pairs where the two styles differ ('hoà' -> 'hòa', 'thuý' -> 'thúy',
    'uỷ' -> 'ủy', 'khoẻ' -> 'khỏe'), in lower and capitalised forms. Only syllable-final
    occurrences are rewritten ('hoàng', 'hoài' keep their mark), and 'qu' + y is left alone
    ('quý' is the same in both styles).

    name_key(expr): the comparison form of a name: NFC, lower-cased (so all-capital spellings
    fold too), tone placement folded, whitespace collapsed and trimmed; null when blank.
    Two spellings with the same name_key are one entity.

    hash_key(parts): first 16 hex chars of md5 over the parts joined with '-' (nulls as '').
    Keys built from natural keys only, so they are identical on every re-run of the same input.
#}

{% macro tone_placement_pairs() -%}
    {{ return([
        ('oà', 'òa'), ('oá', 'óa'), ('oả', 'ỏa'), ('oã', 'õa'), ('oạ', 'ọa'),
        ('oè', 'òe'), ('oé', 'óe'), ('oẻ', 'ỏe'), ('oẽ', 'õe'), ('oẹ', 'ọe'),
        ('uỳ', 'ùy'), ('uý', 'úy'), ('uỷ', 'ủy'), ('uỹ', 'ũy'), ('uỵ', 'ụy'),
    ]) }}
{%- endmacro %}

{% macro fold_tone_placement(expr) -%}
    {%- set pairs = tone_placement_pairs() -%}
    {%- set ns = namespace(sql="regexp_replace(cast(" ~ expr ~ " as varchar), '\\s+', '  ', 'g')") -%}
    {#- whitespace is doubled first so that a match's trailing space never hides the next syllable's
        leading one; a pair followed by a non-(ASCII-)letter or the end is syllable-final -#}
    {%- for old, new in pairs -%}
        {%- for o, n in [(old, new), (old[0] | upper ~ old[1:], new[0] | upper ~ new[1:])] -%}
            {%- set ns.sql = "regexp_replace(" ~ ns.sql
                ~ ", '(^|[^qQ])" ~ o ~ "([^[:alpha:]]|$)', '\\1" ~ n ~ "\\2', 'g')" -%}
        {%- endfor -%}
    {%- endfor -%}
    regexp_replace({{ ns.sql }}, '\s+', ' ', 'g')
{%- endmacro %}

{% macro name_key(expr) -%}
    nullif(trim({{ fold_tone_placement("lower(nfc_normalize(cast(" ~ expr ~ " as varchar)))") }}), '')
{%- endmacro %}

{% macro hash_key(parts) -%}
    left(md5(concat_ws('-'
    {%- for part in parts -%}
        , coalesce(cast({{ part }} as varchar), '')
    {%- endfor -%}
    )), 16)
{%- endmacro %}

{#
    entity_key(expr): the key of a person or organisation from a printed name: first 16 hex
    chars of md5(name_key(expr)); null when the name is null or blank.
    key_of_name_key(expr): the same key from an expression that already is a name key.
#}
{% macro entity_key(expr) -%}
    {{ key_of_name_key(name_key(expr)) }}
{%- endmacro %}

{% macro key_of_name_key(expr) -%}
    left(md5({{ expr }}), 16)
{%- endmacro %}

{#
    most_frequent(expr): inside a GROUP BY, the most frequent non-null value of expr, ties broken
    by the smallest value, so the choice never depends on row order (null when all are null).
#}
{% macro most_frequent(expr) -%}
    list_sort(list_transform(
        map_entries(histogram({{ expr }})),
        lambda entry: {'negated_count': -cast(entry.value as bigint), 'value': entry.key}
    ))[1].value
{%- endmacro %}

{#
    person_reference(expr): the person_key an analyst means in a curation file, where a person
    is given either by a person_key (16 hex chars, as dim_people shows it) or by a full name
    (the key of that name's most frequent holder).
#}
{% macro person_reference(expr) -%}
    case
        when regexp_full_match(lower(trim({{ expr }})), '[0-9a-f]{16}') then lower(trim({{ expr }}))
        else {{ entity_key(expr) }}
    end
{%- endmacro %}
