"""Synthetic logs for benchmarks: valid, realistic-looking, any size, seeded."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from infoview_lib.schema import MODES, SOURCES, STATUSES

HERE = Path(__file__).resolve().parent
CACHE = HERE / "_data"


def synthetic_log(rows: int, seed: int = 7) -> pd.DataFrame:
    """A typed-looking log of ``rows`` rows (text cells, as a student's CSV has them)."""
    rng = np.random.default_rng(seed)
    start = np.datetime64("2024-01-01")
    outreach = start + rng.integers(0, 700, rows).astype("timedelta64[D]")
    interview = outreach + rng.integers(2, 20, rows).astype("timedelta64[D]")
    thanks = interview + rng.integers(0, 4, rows).astype("timedelta64[D]")
    follow = interview + rng.integers(5, 60, rows).astype("timedelta64[D]")
    status = rng.choice(STATUSES, rows, p=[0.05, 0.15, 0.1, 0.55, 0.05, 0.10])
    completed = status == "completed"
    frame = pd.DataFrame({
        "contact": [f"Person {i}" for i in range(rows)],
        "role": rng.choice(["Analyst", "Engineer", "Designer", "Manager", "Nurse"], rows),
        "organization": rng.choice([f"Org {i}" for i in range(500)], rows),
        "industry": rng.choice(["Health", "Tech", "Finance", "Education"], rows),
        "source": rng.choice(SOURCES, rows),
        "referred_by": np.where(rng.random(rows) < 0.2, "Person 1", ""),
        "status": status,
        "outreach_date": pd.Series(outreach).dt.strftime("%Y-%m-%d"),
        "interview_date": np.where(completed, pd.Series(interview).dt.strftime("%Y-%m-%d"), ""),
        "mode": rng.choice(MODES, rows),
        "duration_min": rng.integers(15, 61, rows),
        "thank_you_date": np.where(completed, pd.Series(thanks).dt.strftime("%Y-%m-%d"), ""),
        "follow_up_date": np.where(completed, pd.Series(follow).dt.strftime("%Y-%m-%d"), ""),
        "referrals": rng.integers(0, 3, rows),
        "notes": rng.choice(["Great advice, follow up in May", "Suggested two contacts", ""],
                            rows),
    })
    return frame


def synthetic_csv(rows: int) -> Path:
    """Path of a cached synthetic CSV with ``rows`` rows (written once)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"log_{rows}.csv"
    if not path.exists():
        synthetic_log(rows).to_csv(path, index=False)
    return path
