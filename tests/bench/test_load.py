"""bench/load.py reads wrk's --latency report; these pin the parsing on wrk 4.x output."""

import importlib.util
import sys
from pathlib import Path

import pytest

LOAD_PATH = Path(__file__).resolve().parents[2] / "bench" / "load.py"
spec = importlib.util.spec_from_file_location("bench_load", LOAD_PATH)
load = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = load  # dataclasses look their module up there
spec.loader.exec_module(load)

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8765/en/centres/
  2 threads and 20 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.08s   180.23ms   1.63s    70.12%
    Req/Sec     9.12      5.01    20.00     60.00%
  Latency Distribution
     50%    1.09s
     75%    1.20s
     90%    1.35s
     99%    1.63s
  167 requests in 10.10s, 3.46MB read
  Socket errors: connect 0, read 0, write 0, timeout 2
  Non-2xx or 3xx responses: 3
Requests/sec:     16.53
Transfer/sec:    350.41KB
"""

FAST_OUTPUT = """Running 10s test @ http://127.0.0.1:8765/healthz
  2 threads and 20 connections
  Latency Distribution
     50%  580.00us
     75%    1.20ms
     90%    2.00ms
     99%   48.10ms
  5434 requests in 10.03s, 1.20MB read
Requests/sec:    541.62
Transfer/sec:    122.40KB
"""


def test_wrk_report_gives_rate_percentiles_and_every_failed_request():
    result = load.parse_wrk(WRK_OUTPUT, load.Target("centres directory", "/en/centres/", "page"))

    assert result.rps == pytest.approx(16.53)
    assert result.p50_ms == pytest.approx(1090)
    assert result.p99_ms == pytest.approx(1630)
    assert result.requests == 167
    assert result.bad == 5  # three non-2xx responses and two timeouts


def test_microsecond_latencies_are_converted_to_milliseconds():
    result = load.parse_wrk(FAST_OUTPUT, load.Target("baseline", "/healthz", "baseline"))

    assert result.p50_ms == pytest.approx(0.58)
    assert result.p99_ms == pytest.approx(48.1)
    assert result.bad == 0


def test_table_judges_each_row_by_its_share_of_the_baseline():
    baseline = load.Result(load.Target("baseline", "/livez", "baseline"), 1000, 10, 20, 10000, 0)
    fast_page = load.Result(load.Target("home", "/en/", "page"), 500, 20, 45, 5000, 0)
    slow_page = load.Result(load.Target("figures", "/en/partnerships/", "page"), 490, 20, 45, 4900, 0)
    queued_page = load.Result(load.Target("board", "/en/board/", "page"), 800, 20, 55, 8000, 0)
    revisit = load.Result(load.Target("home (304)", "/en/", "revisit"), 700, 10, 20, 7000, 0)
    slow_revisit = load.Result(load.Target("board (304)", "/en/board/", "revisit"), 690, 10, 20, 6900, 0)
    api = load.Result(load.Target("stats", "/api/v1/partnerships/stats/", "api"), 600, 31, 90, 6000, 0)
    slow_api = load.Result(load.Target("agreements", "/api/v1/agreements/", "api"), 590, 10, 20, 5900, 0)
    failing_api = load.Result(load.Target("centres", "/api/v1/centres/", "api"), 900, 10, 20, 9000, 7)

    rows = load.table([baseline, fast_page, slow_page, queued_page, revisit, slow_revisit, api, slow_api,
                       failing_api]).splitlines()[2:]

    # Pages: 50 % and p99 under 50 ms; a revisit (304): 70 %; the API: 60 %; errors always miss.
    assert [row.split("|")[-2].strip() for row in rows] == [
        "-", "met", "missed", "missed", "met", "missed", "met", "missed", "missed"]
    assert "50%" in rows[1] and "49%" in rows[2]


def test_a_row_is_judged_against_the_floor_measured_just_before_it():
    baseline = load.Result(load.Target("baseline", "/livez", "baseline"), 1000, 10, 20, 10000, 0)
    # The machine slowed down: /livez just before the row answered 800 req/s.
    page = load.Result(load.Target("home", "/en/", "page"), 450, 20, 45, 4500, 0, floor_rps=800)
    alone = load.Result(load.Target("board", "/en/board/", "page"), 450, 20, 45, 4500, 0)

    rows = load.table([baseline, page, alone]).splitlines()[2:]

    assert "800.0" in rows[1] and "56%" in rows[1] and rows[1].split("|")[-2].strip() == "met"
    assert "45%" in rows[2] and rows[2].split("|")[-2].strip() == "missed"


def test_comparison_matches_urls_by_label_and_gives_both_ratios():
    before = {"when": "2026-11-25 16:11", "rows": [
        {"label": "baseline", "rps": 400.0, "p50_ms": 40.0},
        {"label": "home", "rps": 100.0, "p50_ms": 200.0},
    ]}
    now = [{"label": "baseline", "rps": 500.0, "p50_ms": 30.0},
           {"label": "home", "rps": 400.0, "p50_ms": 45.0},
           {"label": "new row", "rps": 1.0, "p50_ms": 1.0}]

    lines = load.comparison(before, now).splitlines()

    home = next(line for line in lines if line.startswith("| home"))
    assert "25%" in home and "80%" in home
    assert not any(line.startswith("| new row") for line in lines)


def test_every_row_is_a_ratio_of_livez_the_view_that_does_nothing():
    first = load.targets("a-centre", 100)[0]
    assert (first.kind, first.path) == ("baseline", "/livez")
