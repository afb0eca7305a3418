{#
    connected_components(edges, node_a, node_b): a query giving (node, component) for every
    node of the undirected graph whose edges are the rows of relation or CTE `edges`; the
    component is the smallest node id reachable from the node, so it depends only on the
    graph, never on row order, and is the same on every run. Give each isolated node a
    self-loop (node_a = node_b) to have it listed.

    Used to cluster what the rules link pairwise (reports of one meeting, spheres of one
    person). The recursive walk lists every (node, reachable node) pair once, which is cheap
    for the small components such links form.
#}
{% macro connected_components(edges, node_a, node_b) -%}
    with recursive
    undirected as (
        select {{ node_a }} as source_node, {{ node_b }} as target_node from {{ edges }}
        union
        select {{ node_b }}, {{ node_a }} from {{ edges }}
    ),
    reachable(node, reached) as (
        select source_node, source_node from undirected
        union
        select undirected.target_node, reachable.reached
        from reachable
        inner join undirected on undirected.source_node = reachable.node
    )
    select node, min(reached) as component
    from reachable
    group by node
{%- endmacro %}
