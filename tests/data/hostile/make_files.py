#!/usr/bin/env python3
"""Writes the hostile plan and CSV files of tests/data/hostile/ (committed, so this
only needs re-running when a case is added), or with --big DIR the files too large
to commit (over 64 KiB, up to a plan whose `name` is a 100 MB scalar), which the
hostile test and scripts/hostile-table generate on each run.

Every file is the small valid plan BASE with one hostile change, so the case
tests exactly one thing. Usage: make_files.py [--big DIR]
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

VOLUMES = "[0, 0, 0, 0, 0, 0, 0, 0, 10, 20, 30, 30, 30, 30, 20, 10, 0, 0, 0, 0, 0, 0, 0, 0]"

BASE = f"""version: 1
name: hostile base
timezone: UTC
start: 2026-11-23
days: 1
interval: 60m
model: erlang_c
shrinkage: 0%
goal: {{ service_level: 80%, answer_within: 20s }}
queues:
  - name: q
    aht: 180s
    forecast:
      volumes: {VOLUMES}
sites:
  - name: s
    timezone: UTC
    hourly_cost: 20
    shifts:
      - name: day
        start: "08:00"
        length: 8h
"""


def replace(old, new, text=BASE):
    assert old in text, old
    return text.replace(old, new, 1)


def nested_block(depth):
    lines = ["version: 1", "name:"]
    for level in range(depth):
        lines.append("  " * (level + 1) + "a:")
    return "\n".join(lines) + " 1\n"


def alias_bomb(levels):
    # Billion laughs: each level is a list of 9 aliases of the previous one.
    lines = ["version: 1", 'l0: &l0 "lol"']
    for level in range(1, levels + 1):
        items = ", ".join([f"*l{level - 1}"] * 9)
        lines.append(f"l{level}: &l{level} [{items}]")
    return "\n".join(lines) + "\n"


def many_start_times():
    # 365 days x 64 quarter-hour starts (08:00-23:45) x 17 x 17 break placements: 6.75 million columns.
    return replace("days: 1", "days: 365", replace("interval: 60m", "interval: 15m", replace(
        "        length: 8h\n",
        '        length: 12h\n        latest_start: "23:45"\n        start_step: 15m\n'
        '        breaks:\n'
        '          - { length: 15m, window: ["1h", "5h"] }\n'
        '          - { length: 15m, window: ["6h", "10h"] }\n'))).replace(
        f"volumes: {VOLUMES}", "rows: []")


CSV_PLAN = replace(f"volumes: {VOLUMES}", "csv: {csv}")


def staffing_json(hour8_productive):
    # The JSON `plan -f json` writes, reduced to what `simulate --plan` reads, for BASE.
    rows = [f'{{"start": "2026-11-23T{h:02}:00:00+00:00", "queue": "q", "productive": '
            f'{hour8_productive if h == 8 else 2}}}' for h in range(24)]
    return '{"intervals": [\n' + ",\n".join(rows) + "\n]}\n"


FILES = {
    # YAML that attacks the parser
    "deep-nesting-block.yaml": nested_block(2000),
    "deep-nesting-flow.yaml": "version: 1\nname: " + "[" * 100000 + "]" * 100000 + "\n",
    "deep-nesting-flow-map.yaml": "version: 1\nname: " + "{a: " * 50000 + "1" + "}" * 50000 + "\n",
    "unclosed-flow.yaml": "version: 1\nname: " + "[" * 100000 + "\n",
    "alias-bomb.yaml": alias_bomb(9),
    "alias-single.yaml": replace("goal: {", "goal: &g {") + "extra: *g\n",
    "merge-key.yaml": replace("goal: {", "base: &b { service_level: 80% }\ngoal: { <<: *b, "),
    "multiple-documents.yaml": BASE + "---\n" + BASE,
    "top-level-list.yaml": "- version: 1\n- name: x\n",
    "top-level-scalar.yaml": "just some text\n",
    "empty.yaml": "",
    "only-comments.yaml": "# nothing here\n# at all\n",
    "nul-bytes.yaml": BASE[:40] + "\0\0\0" + BASE[40:],
    "invalid-utf8.yaml": replace("name: hostile base", "name: hostile \xff\xfe base"),
    "tabs-indentation.yaml": replace("  - name: q\n", "\t- name: q\n"),
    "unterminated-quote.yaml": replace('start: "08:00"', 'start: "08:00'),
    "duplicate-key.yaml": replace("days: 1\n", "days: 1\ndays: 100000\n"),
    "complex-key.yaml": replace("days: 1\n", "days: 1\n? [a, b]\n: c\n"),
    "python-tag.yaml": replace("name: hostile base", "name: !!python/object/apply:os.system [\"echo pwned\"]"),
    "binary-tag.yaml": replace("name: hostile base", "name: !!binary aGVsbG8="),
    "long-key.yaml": BASE + "k" * 1_000_000 + ": 1\n",
    "many-keys.yaml": BASE + "".join(f"extra{i}: {i}\n" for i in range(100000)),
    # Plans too large to solve
    "days-100000.yaml": replace("days: 1", "days: 100000").replace(
        f"volumes: {VOLUMES}", "rows: []"),
    "million-columns.yaml": many_start_times(),
    "volumes-million.yaml": replace(f"volumes: {VOLUMES}", "volumes: [" + ", ".join(["1"] * 1_000_000) + "]"),
    "queues-10000.yaml": BASE.replace("queues:\n", "queues:\n" + "".join(
        f"  - {{ name: q{i}, aht: 180s, forecast: {{ rows: [] }} }}\n" for i in range(10000))),
    # Numbers
    "days-1e308.yaml": replace("days: 1", "days: 1e308"),
    "days-hex.yaml": replace("days: 1", "days: 0x10"),
    "days-octal.yaml": replace("days: 1", "days: 0o7"),
    "days-overflow.yaml": replace("days: 1", "days: 99999999999999999999"),
    "days-int-max-plus-1.yaml": replace("days: 1", "days: 2147483648"),
    "days-negative.yaml": replace("days: 1", "days: -1"),
    "days-fraction.yaml": replace("days: 1", "days: 1.5"),
    "shrinkage-nan.yaml": replace("shrinkage: 0%", "shrinkage: .nan"),
    "shrinkage-inf.yaml": replace("shrinkage: 0%", "shrinkage: .inf"),
    "shrinkage-neg-zero.yaml": replace("shrinkage: 0%", "shrinkage: -0"),
    "hourly-cost-1e308.yaml": replace("hourly_cost: 20", "hourly_cost: 1e308"),
    "hourly-cost-hex.yaml": replace("hourly_cost: 20", "hourly_cost: 0x1p4"),
    "aht-inf.yaml": replace("aht: 180s", "aht: .inf"),
    "aht-1e308-hours.yaml": replace("aht: 180s", "aht: 1e308h"),
    "calls-1e308.yaml": replace(f"volumes: {VOLUMES}", "volumes: [" + ", ".join(["1e308"] * 24) + "]"),
    "calls-negative.yaml": replace(f"volumes: {VOLUMES}", "volumes: [" + ", ".join(["-5"] * 24) + "]"),
    "calls-nan.yaml": replace(f"volumes: {VOLUMES}", "volumes: [" + ", ".join([".nan"] * 24) + "]"),
    "min-agents-overflow.yaml": replace("    aht: 180s\n", "    aht: 180s\n    min_agents: 4294967296\n"),
    "seats-overflow.yaml": replace("hourly_cost: 20", "hourly_cost: 20\n    seats: 99999999999999999999"),
    "max-agents-huge.yaml": replace("        length: 8h\n", "        length: 8h\n        max_agents: 2147483647\n        min_agents: 2147483647\n"),
    "start-step-zero.yaml": replace("        length: 8h\n", '        length: 8h\n        latest_start: "10:00"\n        start_step: 0s\n'),
    "length-zero.yaml": replace("length: 8h", "length: 0s"),
    "length-week.yaml": replace("length: 8h", "length: 168h"),
    "interval-1s.yaml": replace("interval: 60m", "interval: 1s"),
    "time-25-00.yaml": replace('start: "08:00"', 'start: "25:00"'),
    "timezone-bogus.yaml": replace("timezone: UTC", "timezone: ../../etc/passwd"),
    "start-date-bogus.yaml": replace("start: 2026-11-23", "start: 2026-02-30"),
    "start-year-huge.yaml": replace("start: 2026-11-23", "start: 99999-01-01"),
    # Forecast CSV
    "csv-missing.yaml": CSV_PLAN.replace("{csv}", "no-such-forecast.csv"),
    "csv-directory.yaml": CSV_PLAN.replace("{csv}", "."),
    "csv-dev-zero.yaml": CSV_PLAN.replace("{csv}", "/dev/zero"),
    "csv-bad-header.yaml": CSV_PLAN.replace("{csv}", "bad-header.csv"),
    "csv-bad-number.yaml": CSV_PLAN.replace("{csv}", "bad-number.csv"),
    "csv-nul.yaml": CSV_PLAN.replace("{csv}", "nul.csv"),
    "csv-crlf-bom.yaml": CSV_PLAN.replace("{csv}", "crlf-bom.csv"),
    "csv-outside-horizon.yaml": CSV_PLAN.replace("{csv}", "outside-horizon.csv"),
    "csv-quoted-newline.yaml": CSV_PLAN.replace("{csv}", "quoted-newline.csv"),
    # Hostile environments (issue 9): simulate --plan JSON, work budget, CSV formulas
    "staffing-productive-int-max.json": staffing_json("2147483647"),
    "staffing-productive-hex.json": staffing_json("0x10"),
    "staffing-alias.json": '{"rows": &r [], "intervals": *r}\n',
    "billion-calls.yaml": replace(f"volumes: {VOLUMES}", "volumes: " + VOLUMES.replace("10, 20", "1000000000, 20", 1)),
    "formula-names.yaml": replace("      - name: day\n", '      - name: "-day"\n', replace(
        "  - name: s\n", '  - name: "@site"\n', replace("  - name: q\n", '  - name: "=HYPERLINK(\\"http://evil\\")"\n'))),
    # Names and other plan text: valid UTF-8 without control characters
    "name-escape.yaml": replace("  - name: q\n", '  - name: "q\\e[2J\\e[31mred"\n'),
    "name-nul-escape.yaml": replace("name: hostile base", 'name: "hostile\\0base"'),
    "name-cr.yaml": replace("  - name: s\n", '  - name: "s\\r=cmd"\n'),
    "name-c1-csi.yaml": replace("  - name: q\n", '  - name: "q\\x9b31m"\n'),
    "names-unicode.yaml": replace("  - name: s\n", "  - name: Cafe\u0301 \u200bnord\n",
                                  replace("  - name: q\n", "  - name: \u65e5\u672c\u8a9e\n")),
    # Time zones past the listed transitions, local mean time
    "tz-new-york-2038.yaml": replace("timezone: UTC", "timezone: America/New_York",
                                     replace("start: 2026-11-23", "start: 2038-07-01")),
    "tz-site-london-2040.yaml": replace("    timezone: UTC\n", "    timezone: Europe/London\n",
                                        replace("start: 2026-11-23", "start: 2040-01-06")),
    "tz-new-york-1883.yaml": replace("timezone: UTC", "timezone: America/New_York",
                                     replace("start: 2026-11-23", "start: 1883-01-01")),
    # (the site in Tokyo too, so its day shift covers the calls: validate runs the
    # coverage precheck)
    "tz-tokyo-2045.yaml": replace("    timezone: UTC\n", "    timezone: Asia/Tokyo\n",
                                  replace("timezone: UTC", "timezone: Asia/Tokyo",
                                          replace("start: 2026-11-23", "start: 2045-07-01"))),
    # One cause, one error
    "service-level-80.yaml": replace("service_level: 80%", "service_level: 80"),
    "aht-bare-4.yaml": replace("aht: 180s", "aht: 4"),
    # Forecast CSV from a spreadsheet or another program
    "csv-header-only.yaml": CSV_PLAN.replace("{csv}", "header-only.csv"),
    "csv-decimal-comma.yaml": CSV_PLAN.replace("{csv}", "decimal-comma.csv"),
    "csv-semicolons.yaml": CSV_PLAN.replace("{csv}", "semicolons.csv"),
    "csv-thousands.yaml": CSV_PLAN.replace("{csv}", "thousands.csv"),
    "csv-etc-passwd.yaml": CSV_PLAN.replace("{csv}", "/etc/passwd"),
    "header-only.csv": "start,calls\r\n",
    "decimal-comma.csv": 'start,calls\n2026-11-23T08:00,"10,5"\n',
    "semicolons.csv": "start;calls\n2026-11-23T08:00;10,5\n",
    "thousands.csv": "start,calls\n2026-11-23T08:00,1 200\n",
    # The valid starting point, to show the cases differ from it in one thing only.
    "base.yaml": BASE,
    # CSV files
    "bad-header.csv": "when,how_many\n2026-11-23T08:00,10\n",
    "bad-number.csv": "start,calls\n2026-11-23T08:00,1e308\n2026-11-23T09:00,0x10\n2026-11-23T10:00,nan\n",
    "nul.csv": "start,calls\n2026-11-23T08:00,1\0 0\n",
    "crlf-bom.csv": "\ufeffstart,calls\r\n2026-11-23T08:00,10\r\n2026-11-23T09:00,20\r\n",
    "outside-horizon.csv": "start,calls\n1970-01-01T00:00,10\n9999-12-31T23:00,10\n",
    "quoted-newline.csv": 'start,calls\n"2026-11-23\nT08:00",10\n',
}


def write(folder, name, text):
    with open(os.path.join(folder, name), "wb") as f:
        f.write(text.encode("utf-8", "surrogateescape") if "\xff" not in text else text.encode("latin-1"))


BIG_LIMIT = 64 * 1024


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--big":
        folder = sys.argv[2]
        for name, text in sorted(FILES.items()):
            if len(text) > BIG_LIMIT:
                write(folder, name, text)
        # A forecast CSV with CR-only line ends, 63 MB: one "line" as far as LF goes.
        with open(os.path.join(folder, "csv-cr-only.yaml"), "w") as f:
            f.write(CSV_PLAN.replace("{csv}", "cr-only.csv"))
        with open(os.path.join(folder, "cr-only.csv"), "wb") as f:
            row = b"2026-11-23T08:00,10\r"
            f.write(b"start,calls\r" + row * (63_000_000 // len(row)))
        with open(os.path.join(folder, "scalar-100mb.yaml"), "wb") as f:
            f.write(b"version: 1\nname: ")
            chunk = b"a" * (1 << 20)
            for _ in range(100):
                f.write(chunk)
            f.write(b"\n")
        return
    for name, text in sorted(FILES.items()):
        if len(text) <= BIG_LIMIT:
            write(HERE, name, text)


if __name__ == "__main__":
    main()
