"""Time every metric on a large synthetic log (budget: under 1 s each on 1,000,000 rows).

Run ``python benchmarks/bench_metrics.py [--rows N] [--repeat R]``. It prints one
line per metric with the best of ``R`` runs and whether it is within budget; it
asserts nothing (timings are for people, not for the test suite).
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

from infoview_lib import metrics, schema

BUDGET_S = 1.0


def synthetic_log(rows: int, seed: int = 0, students: int = 40) -> pd.DataFrame:
    """A log of ``rows`` rows with the schema's dtypes and plausible values.

    About one person in ten is approached twice; a fifth of the rows name a
    referrer, mostly another contact of the log. A ``student`` column splits it
    into ``students`` class members.
    """
    rng = np.random.default_rng(seed)
    people = max(rows * 9 // 10, 1)
    person = rng.integers(0, people, rows)
    contact = pd.Series([f"Person {i}" for i in range(people)], dtype="string")[person]
    organization = pd.Series([f"Org {i}" for i in range(max(rows // 5, 1))], dtype="string")
    statuses = rng.choice(
        schema.STATUSES, rows, p=[0.05, 0.15, 0.1, 0.5, 0.1, 0.1]
    )
    start = np.datetime64("2024-09-02")
    outreach = start + rng.integers(0, 240, rows).astype("timedelta64[D]")
    interview = outreach + rng.integers(2, 20, rows).astype("timedelta64[D]")
    completed = statuses == "completed"
    interview = np.where(completed | (statuses == "scheduled"), interview, np.datetime64("NaT"))
    thanked = completed & (rng.random(rows) < 0.8)
    thank_you = np.where(
        thanked, interview + rng.integers(0, 4, rows).astype("timedelta64[D]"),
        np.datetime64("NaT"),
    )
    followed = thanked & (rng.random(rows) < 0.5)
    follow_up = np.where(
        followed, interview + rng.integers(5, 60, rows).astype("timedelta64[D]"),
        np.datetime64("NaT"),
    )
    referrer = np.where(rng.random(rows) < 0.2, rng.integers(0, people, rows), -1)
    referred_by = pd.Series([f"Person {i}" for i in range(people)], dtype="string").reindex(
        referrer
    )
    log = pd.DataFrame(
        {
            "contact": contact.to_numpy(),
            "organization": organization.to_numpy()[rng.integers(0, len(organization), rows)],
            "source": pd.Categorical(
                rng.choice(schema.SOURCES, rows), dtype=schema.BY_NAME["source"].dtype
            ),
            "referred_by": referred_by.to_numpy(),
            "status": pd.Categorical(statuses, dtype=schema.BY_NAME["status"].dtype),
            "outreach_date": outreach.astype("datetime64[ns]"),
            "interview_date": interview.astype("datetime64[ns]"),
            "mode": pd.Categorical(
                np.where(completed, rng.choice(schema.MODES, rows), None),
                dtype=schema.BY_NAME["mode"].dtype,
            ),
            "duration_min": pd.array(
                np.where(completed, rng.integers(10, 70, rows), 0), dtype="Int64"
            ),
            "thank_you_date": thank_you.astype("datetime64[ns]"),
            "follow_up_date": follow_up.astype("datetime64[ns]"),
            "referrals": pd.array(rng.integers(0, 3, rows), dtype="Int64"),
        }
    )
    log.loc[~completed, "duration_min"] = pd.NA
    for name in schema.COLUMN_NAMES:
        if name not in log:
            log[name] = pd.Series(index=log.index, dtype=schema.BY_NAME[name].dtype)
        else:
            log[name] = log[name].astype(schema.BY_NAME[name].dtype)
    log = log[list(schema.COLUMN_NAMES)]
    log["student"] = pd.Series(
        [f"Student {i:02d}" for i in rng.integers(0, students, rows)], dtype="string"
    )
    return log


def cases(log: pd.DataFrame, today: str) -> dict:
    """The calls to time, by name."""
    return {
        "thank_you_rate": lambda: metrics.thank_you_rate(log),
        "follow_up_rate": lambda: metrics.follow_up_rate(log, as_of=today),
        "response_rate": lambda: metrics.response_rate(log),
        "duration_on_target": lambda: metrics.duration_on_target(log),
        "network_growth (W)": lambda: metrics.network_growth(log, freq="W"),
        "referral_edges": lambda: metrics.referral_edges(log),
        "referral_graph": lambda: metrics.referral_graph(log),
        "due_followups": lambda: metrics.due_followups(log, today),
        "summary": lambda: metrics.summary(log, as_of=today),
        "mode_mix": lambda: metrics.mode_mix(log),
        "source_mix": lambda: metrics.source_mix(log),
        "by_student": lambda: metrics.by_student(log, as_of=today),
    }


def best_time(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows in the synthetic log")
    parser.add_argument("--repeat", type=int, default=3, help="runs per metric (best is shown)")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    log = synthetic_log(args.rows)
    print(f"synthetic log: {len(log):,} rows in {time.perf_counter() - start:.1f} s")
    print(f"{'metric':<22} {'best (s)':>9}  budget {BUDGET_S:.1f} s")
    over = 0
    for name, func in cases(log, "2025-05-15").items():
        seconds = best_time(func, args.repeat)
        verdict = "ok" if seconds < BUDGET_S else "OVER"
        over += seconds >= BUDGET_S
        print(f"{name:<22} {seconds:>9.3f}  {verdict}")
    print(f"{over} of {len(cases(log, '2025-05-15'))} over budget")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
