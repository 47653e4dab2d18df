#!/usr/bin/env python3
"""ctest `docs_cover_flags_and_keys`: the user docs cannot silently fall behind the code.

- Every flag of every command (from the binary's own option table, `staffplan
  --generate flags`) has a row in docs/commands.md, in that command's section (the
  common flags -f/-o/-q/-h in "Common options"), and the row states the default
  that --help shows.
- Every key the plan loader accepts (the key lists given to MapReader and
  the `..._keys = {...}` lists in lib/load/*.cpp) appears as `key` in a table row of docs/plan-file.md.

Usage: docs_check.py STAFFPLAN_BINARY SOURCE_DIR
"""
import pathlib
import re
import subprocess
import sys

COMMON = {"--format", "--output", "--quiet", "--help"}


def sections(markdown):
    """'## ...' heading -> its text (up to the next '## ')."""
    out, title = {}, None
    for line in markdown.splitlines():
        if line.startswith("## "):
            title = line[3:].strip()
            out[title] = []
        elif title:
            out[title].append(line)
    return {k: "\n".join(v) for k, v in out.items()}


def check_flags(binary, source, problems):
    doc = (source / "docs/commands.md").read_text(encoding="utf-8")
    parts = sections(doc)
    listing = subprocess.run([binary, "--generate", "flags"], check=True, capture_output=True, text=True).stdout
    for line in listing.splitlines():
        command, flag, default = line.split(" ", 2)
        title = "Common options" if flag in COMMON else f"`staffplan {command}`"
        if title not in parts:
            problems.append(f"docs/commands.md has no section '## {title}' (for {command} {flag})")
            continue
        rows = [r for r in parts[title].splitlines()
                if r.startswith("|") and re.search(re.escape(flag) + r"(?![\w-])", r)]
        if not rows:
            problems.append(f"docs/commands.md, section '{title}': no table row for {command} {flag}")
            continue
        if default != "-" and not any(f"`{default}`" in r for r in rows):
            problems.append(f"docs/commands.md, section '{title}': the row of {flag} does not state its "
                            f"default `{default}` (as --help does)")


def check_keys(source, problems):
    doc = (source / "docs/plan-file.md").read_text(encoding="utf-8")
    documented = set()
    for row in doc.splitlines():
        if row.startswith("|"):
            first = row.split("|")[1]
            documented.update(re.findall(r"`([a-z_]+)`", first))
    keys = set()
    for path in sorted((source / "lib/load").glob("*.cpp")):
        code = path.read_text(encoding="utf-8")
        for block in re.findall(r'MapReader\s+\w+\([^;]*?\{(\s*"[a-z_]+"(?:\s*,\s*"[a-z_]+")*\s*)\}', code, re.S):
            keys.update(re.findall(r'"([a-z_]+)"', block))
        # Key lists kept in a variable: plan_keys, and the work kinds' *_keys lists.
        for block in re.findall(r"\b\w*_keys\s*=\s*\{([^}]*)\}", code, re.S):
            keys.update(re.findall(r'"([a-z_]+)"', block))
    if len(keys) < 20:
        problems.append(f"found only {len(keys)} plan keys in lib/load/*.cpp; the key-list pattern needs updating")
    for key in sorted(keys - documented):
        problems.append(f"plan key '{key}' (lib/load) has no row in docs/plan-file.md")


def main():
    binary, source = sys.argv[1], pathlib.Path(sys.argv[2])
    problems = []
    check_flags(binary, source, problems)
    check_keys(source, problems)
    for p in problems:
        print(f"docs_check: {p}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print("docs_check: every flag and every plan key is documented")


if __name__ == "__main__":
    main()
