"""The metrics' shortcuts give what the plain way gives.

To stay fast on a million rows the metrics number names once and work on those
integer codes, fix odd spacing on the distinct spellings only, and fill the
referral graph's dicts in bulk. Each test here compares one shortcut with the
straightforward computation (written out row by row, or with networkx's own
``add_node``/``add_edge``) on generated logs.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from logs import typed_log

from infoview_lib import metrics, schema

SETTINGS = settings(max_examples=80, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# names that differ only in case and spacing (tabs, no-break spaces, runs of spaces)
spelling = st.text(alphabet=" \t\n\u00a0aAbB\u00e9\u00c9", max_size=6)
names = st.lists(st.one_of(st.none(), spelling), max_size=40)


def make_log(rows: list[dict], students: list | None = None) -> pd.DataFrame:
    """A log with the loader's dtypes from a few dicts (missing cells are empty)."""
    return typed_log(rows) if students is None else typed_log(rows, student=students)


people = ["Ana Ruiz", "ana  ruiz", " ANA\u00a0RUIZ", "Ben Ode", "ben ode\t", "Cy", "cy", "",
          "Prof. Olu", "prof.  olu", "Dee"]
day = st.one_of(st.none(), st.dates(min_value=pd.Timestamp("2025-01-01").date(),
                                    max_value=pd.Timestamp("2025-06-30").date()))
row = st.fixed_dictionaries(
    {
        "contact": st.one_of(st.none(), st.sampled_from(people)),
        "referred_by": st.one_of(st.none(), st.sampled_from(people)),
        "organization": st.sampled_from(["Acme", "acme ", "Birch", None]),
        "status": st.one_of(st.none(), st.sampled_from(schema.STATUSES)),
        "outreach_date": day,
        "interview_date": day,
        "thank_you_date": day,
        "follow_up_date": day,
        "referrals": st.one_of(st.none(), st.integers(0, 3)),
    }
)
logs = st.lists(row, max_size=25)


# ----------------------------------------------------------------------- name codes


@SETTINGS
@given(names, st.sampled_from(["pyarrow", "python"]), st.booleans())
def test_person_codes_are_the_factorized_person_keys(values, storage, repeated):
    series = pd.Series(values, dtype=pd.StringDtype(storage))
    expected, _ = pd.factorize(metrics.person_key(series))
    assert metrics._person_codes(series, repeated=repeated).tolist() == expected.tolist()


@SETTINGS
@given(st.lists(spelling, max_size=30), st.integers(0, 3))
def test_odd_spellings_reads_bytes_as_the_regex_reads_text(values, skip):
    # trimmed, distinct spellings, sometimes a slice (an arrow array with an offset)
    trimmed = pd.Series(values, dtype="string").str.strip().drop_duplicates()
    sliced = trimmed.iloc[min(skip, len(trimmed)):]
    expected = (sliced.str.contains(metrics._ODD_SPACES, regex=True)
                | (sliced == "")).to_numpy(dtype=bool)
    assert metrics._odd_spellings(sliced).tolist() == expected.tolist()
    python = sliced.astype(pd.StringDtype("python"))
    assert metrics._odd_spellings(python).tolist() == expected.tolist()


# ------------------------------------------------------------------- referral graph


def plain_referral_graph(log: pd.DataFrame) -> tuple[nx.DiGraph, list[tuple]]:
    """The referral graph as its docstring defines it, row by row, with add_node/add_edge,
    and its edges in the order of the rows introducing them."""
    contact_key = metrics.person_key(log["contact"]).tolist()
    referrer_key = metrics.person_key(log["referred_by"]).tolist()
    contact_name = log["contact"].str.strip().tolist()
    referrer_name = log["referred_by"].str.strip().tolist()
    first_name, organization, status = {}, {}, {}
    for i, key in enumerate(contact_key):
        if key is pd.NA:
            continue
        first_name.setdefault(key, contact_name[i])
        if log["organization"].iloc[i] is not pd.NA:
            organization[key] = log["organization"].iloc[i]
        if not pd.isna(log["status"].iloc[i]):
            status[key] = str(log["status"].iloc[i])
    referrers = list(dict.fromkeys(k for k in referrer_key if k is not pd.NA))
    edges, outsider_name = [], {}
    for i, (to, by) in enumerate(zip(contact_key, referrer_key, strict=True)):
        if to is pd.NA or by is pd.NA or to == by:
            continue
        if (by, to) not in edges:
            edges.append((by, to))
        if by not in first_name:
            outsider_name.setdefault(by, referrer_name[i])
    involved = {key for edge in edges for key in edge}
    graph = nx.DiGraph()
    for key in first_name:
        if key in involved:
            graph.add_node(first_name[key], organization=organization.get(key),
                           status=status.get(key), in_log=True)
    for key in referrers:
        if key in involved and key not in first_name:
            graph.add_node(outsider_name[key], organization=None, status=None, in_log=False)
    name = {**outsider_name, **first_name}
    named_edges = [(name[by], name[to]) for by, to in edges]
    graph.add_edges_from(named_edges)
    return graph, named_edges


def assert_same_graph(fast: nx.DiGraph, plain: nx.DiGraph) -> None:
    assert type(fast) is nx.DiGraph
    assert nx.utils.graphs_equal(fast, plain)
    assert list(fast.nodes(data=True)) == list(plain.nodes(data=True))  # same order too
    assert list(fast.edges(data=True)) == list(plain.edges(data=True))
    for node in plain:
        assert list(fast.succ[node]) == list(plain.succ[node])
        assert list(fast.pred[node]) == list(plain.pred[node])
        for other in fast.succ[node]:  # one attribute dict per edge, as networkx keeps it
            assert fast.succ[node][other] is fast.pred[other][node]


@SETTINGS
@given(logs)
def test_referral_graph_is_the_row_by_row_graph(rows):
    log = make_log(rows)
    plain, plain_edges = plain_referral_graph(log)
    assert_same_graph(metrics.referral_graph(log), plain)
    edges = metrics.referral_edges(log)
    assert list(edges.columns) == ["referred_by", "contact"]
    assert (edges.dtypes == "string").all()
    assert list(map(tuple, edges.to_numpy().tolist())) == plain_edges


def test_referral_graph_row_by_row_on_a_larger_random_log():
    rng = np.random.default_rng(7)
    pool = [f"Person {i}" for i in range(300)] + [f"person  {i}" for i in range(50)]
    # referrers outside the log, each spelt several ways
    outside = [spelt for j in range(40) for spelt in (f"Out Sider {j}", f"out  sider {j}\t")]
    n = 3000
    log = make_log([
        {
            "contact": pool[rng.integers(len(pool))] if rng.random() > 0.05 else None,
            "referred_by": (pool + outside)[rng.integers(len(pool) + len(outside))]
            if rng.random() < 0.4 else None,
            "organization": f"Org {rng.integers(40)}" if rng.random() > 0.2 else None,
            "status": schema.STATUSES[rng.integers(len(schema.STATUSES))],
        }
        for _ in range(n)
    ])
    plain, plain_edges = plain_referral_graph(log)
    assert_same_graph(metrics.referral_graph(log), plain)
    assert list(map(tuple, metrics.referral_edges(log).to_numpy().tolist())) == plain_edges


graphs = st.integers(0, 12).flatmap(
    lambda n: st.tuples(
        st.just([f"node {i}" for i in range(n)]),
        st.lists(st.fixed_dictionaries({"organization": st.sampled_from(["Acme", None]),
                                        "in_log": st.booleans()}),
                 min_size=n, max_size=n),
        st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)),
                 max_size=30) if n else st.just([]),  # self-loops and repeats too
    )
)


@SETTINGS
@given(graphs)
def test_bulk_filled_graph_equals_add_nodes_and_edges(case):
    names_, attributes, edges = case
    plain = nx.DiGraph()
    plain.add_nodes_from(zip(names_, attributes, strict=True))
    plain.add_edges_from((names_[a], names_[b]) for a, b in edges)
    source = np.array([a for a, _ in edges], dtype=np.int64)
    target = np.array([b for _, b in edges], dtype=np.int64)
    fast = metrics._digraph(names_, [dict(a) for a in attributes], source, target)
    assert_same_graph(fast, plain)


def test_bulk_filled_graph_behaves_as_any_graph_afterwards():
    names_ = ["Ana", "Ben", "Cy", "Dee", "Eli"]
    attributes = [{"in_log": True} for _ in names_]
    edges = [(0, 1), (1, 2), (0, 3), (3, 3)]  # a self-loop too
    plain = nx.DiGraph()
    plain.add_nodes_from(zip(names_, [dict(a) for a in attributes], strict=True))
    plain.add_edges_from((names_[a], names_[b]) for a, b in edges)
    fast = metrics._digraph(names_, attributes, np.array([a for a, _ in edges]),
                            np.array([b for _, b in edges]))
    for graph in (fast, plain):
        assert nx.descendants(graph, "Ana") == {"Ben", "Cy", "Dee"}
        assert dict(graph.adj["Ana"]) == {"Ben": {}, "Dee": {}}
        assert set(graph.pred["Cy"]) == {"Ben"}
        graph.add_edge("Cy", "Fay", weight=2)        # a new node through an edge
        graph.add_edge("Eli", "Ana")                 # between existing nodes
        graph["Ana"]["Ben"]["note"] = "met at a fair"  # one dict for both directions
        graph.nodes["Ben"]["status"] = "completed"
        graph.remove_node("Dee")
    assert_same_graph(fast, plain)
    assert fast.pred["Ben"]["Ana"] == {"note": "met at a fair"}
    assert nx.descendants(fast, "Eli") == {"Ana", "Ben", "Cy", "Fay"}
    assert nx.ancestors(fast, "Fay") == {"Eli", "Ana", "Ben", "Cy"}
    copied = fast.copy()
    assert_same_graph(copied, plain.copy())
    copied.add_edge("Fay", "Gus")
    assert "Gus" not in fast                          # a copy is independent
    assert nx.utils.graphs_equal(fast.reverse(), plain.reverse())
    assert nx.utils.graphs_equal(fast.subgraph(["Ana", "Ben"]), plain.subgraph(["Ana", "Ben"]))
    assert nx.to_dict_of_dicts(fast) == nx.to_dict_of_dicts(plain)
    assert list(nx.topological_sort(fast)) == list(nx.topological_sort(plain))


def test_bulk_filled_graph_needs_distinct_names():
    with pytest.raises(ValueError, match="distinct"):
        metrics._digraph(["Ana", "Ana"], [{}, {}], np.array([0]), np.array([1]))


# ------------------------------------------------------------ growth, class, due list


def plain_growth(log: pd.DataFrame, freq: str) -> pd.DataFrame:
    """network_growth with pandas groupby on dates and names."""
    held = log[(log["status"] == "completed").fillna(False) & log["interview_date"].notna()]
    periods = held["interview_date"].dt.to_period(freq)
    full = pd.period_range(periods.min(), periods.max(), freq=periods.dt.freq)
    interviews = periods.value_counts().reindex(full, fill_value=0)
    referrals = (held["referrals"].astype("float64").fillna(0).groupby(periods).sum()
                 .reindex(full, fill_value=0).cumsum())
    keys = metrics.person_key(held["contact"])
    first = held["interview_date"][keys.notna()].groupby(keys[keys.notna()]).min()
    network = first.dt.to_period(freq).value_counts().reindex(full, fill_value=0).cumsum()
    return pd.DataFrame(
        {"interviews": interviews.to_numpy(), "network_size": network.to_numpy(),
         "referrals": referrals.to_numpy()},
        index=pd.DatetimeIndex(full.end_time.normalize(), name="period").astype(
            "datetime64[ns]"),
    ).astype("int64")


@SETTINGS
@given(logs, st.sampled_from(["D", "W", "M", "Q", "2W", "3M"]))
def test_network_growth_is_the_groupby_growth(rows, freq):
    log = make_log(rows)
    growth = metrics.network_growth(log, freq=freq)
    if growth.empty:
        assert not ((log["status"] == "completed").fillna(False)
                    & log["interview_date"].notna()).any()
    else:
        pd.testing.assert_frame_equal(growth, plain_growth(log, freq), check_freq=False)


@pytest.mark.parametrize("freq", ["W", "2W", "M", "3M"])
def test_network_growth_groupby_growth_on_a_larger_random_log(freq):
    rng = np.random.default_rng(11)
    log = make_log([
        {
            "contact": f"Person {rng.integers(200)}",
            "status": "completed" if rng.random() < 0.6 else "scheduled",
            "interview_date": pd.Timestamp("2025-01-01")
            + pd.Timedelta(days=int(rng.integers(150))),
            "referrals": int(rng.integers(3)) if rng.random() < 0.7 else None,
        }
        for _ in range(400)
    ])
    pd.testing.assert_frame_equal(metrics.network_growth(log, freq=freq), plain_growth(log, freq),
                                  check_freq=False)


@SETTINGS
@given(logs, st.lists(st.sampled_from(["kim", "lee", None]), min_size=25, max_size=25))
def test_by_student_is_summary_of_each_students_rows(rows, students):
    # students share contacts and organizations: each is counted within one student
    log = make_log(rows, students[: len(rows)])
    table = metrics.by_student(log, as_of="2025-05-01").set_index("student")
    for name, part in log.groupby(log["student"].fillna("(unnamed)")):
        expected = metrics.summary(part.reset_index(drop=True), as_of="2025-05-01")
        for key in metrics.SUMMARY_LABELS:
            assert table.loc[name, key] == pytest.approx(expected[key], nan_ok=True), key


@SETTINGS
@given(logs)
def test_each_due_message_belongs_to_its_row(rows):
    due = metrics.due_followups(make_log(rows), "2025-05-01")
    opening = {"second_contact": "No reply from ", "follow_up": "No reply from ",
               "thank_you": "Send your thank-you note to "}
    for item in due.itertuples(index=False):
        assert item.message.startswith(opening[item.action] + item.contact + " ")
        if item.action == "second_contact":
            where = item.organization if item.organization is not pd.NA else None
            assert item.message.endswith(
                f"at {where.rstrip('.')}." if where else "at their organization.")
        if item.action == "follow_up":
            assert item.message.endswith(f"follow up once with {item.contact}.")
