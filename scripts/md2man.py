#!/usr/bin/env python3
"""Converts one of staffplan's Markdown reference pages to a manual page, so the
installed man page and the page in docs/ are one text and cannot drift apart.

Usage: md2man.py INPUT.md OUTPUT NAME SECTION VERSION "SUMMARY"

Handles the subset docs/ uses: '#' headings, paragraphs, '-' lists, pipe tables,
fenced code blocks, `code`, **bold**, *italic* and [links](target). Anything
else is copied as text (groff -ww in the tests catches what would not render).
"""
import re
import sys


def escape(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    # Non-ASCII as groff's Unicode escapes, so the page renders without preconv.
    return "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in text)


def inline(text):
    """Markdown inline markup -> roff font changes; links keep their text."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    parts = re.split(r"(`[^`]*`)", text)
    out = []
    for part in parts:
        if part.startswith("`") and part.endswith("`") and len(part) >= 2:
            out.append("\\fB" + escape(part[1:-1]) + "\\fR")
            continue
        part = escape(part)
        part = re.sub(r"\*\*([^*]+)\*\*", r"\\fB\1\\fR", part)
        part = re.sub(r"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])", r"\\fI\1\\fR", part)
        out.append(part)
    return "".join(out)


def line_safe(text):
    """A roff text line must not start with '.' or "'" (a request)."""
    if text.startswith(".") or text.startswith("'"):
        return "\\&" + text
    return text


def split_row(line):
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells, cell, i = [], "", 0
    while i < len(line):
        if line[i] == "\\" and i + 1 < len(line) and line[i + 1] == "|":
            cell += "|"
            i += 2
            continue
        if line[i] == "|" and cell.count("`") % 2 == 0:
            cells.append(cell.strip())
            cell = ""
        else:
            cell += line[i]
        i += 1
    cells.append(cell.strip())
    return cells


def table(rows, out):
    """A pipe table as a list: each row a .TP paragraph, the first cell as tag and
    the others as 'header: value' lines (readable at 80 columns, unlike tbl)."""
    header = split_row(rows[0])
    for row in rows[2:]:
        cells = split_row(row)
        out.append(".TP")
        out.append(line_safe(inline(cells[0]) if cells[0] else "\\&"))
        lines = []
        for name, cell in zip(header[1:], cells[1:]):
            if not cell:
                continue
            label = inline(name)
            lines.append((label + ": " if label else "") + inline(cell))
        if not lines:
            out.append("\\&")
        for k, text in enumerate(lines):
            if k:
                out.append(".br")
            out.append(line_safe(text))


def convert(markdown, name, section, version, summary):
    out = [
        f'.\\" Generated from docs/{name.replace("staffplan-", "")}.md by scripts/md2man.py; edit that file.',
        f'.TH {name.upper()} {section} "" "staffplan {version}" "staffplan manual"',
        ".SH NAME",
        f"{escape(name)} \\- {escape(summary)}",
    ]
    lines = markdown.splitlines()
    i = 0
    paragraph = []

    def flush():
        if paragraph:
            out.append(".PP")
            out.append(line_safe(inline(" ".join(paragraph))))
            paragraph.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            block = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                block.append(lines[i])
                i += 1
            out += [".PP", ".RS", ".nf"]
            out += [line_safe(escape(b)) if b else "" for b in block]
            out += [".fi", ".RE"]
            i += 1
            continue
        if stripped.startswith("#"):
            flush()
            level = len(stripped) - len(stripped.lstrip("#"))
            title = stripped[level:].strip()
            if level == 1:
                out.append(".SH DESCRIPTION")
            elif level == 2:
                out.append(f'.SH "{inline(title).upper()}"')
            else:
                out.append(f'.SS "{inline(title)}"')
            i += 1
            continue
        if stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(lines[i])
                i += 1
            table(rows, out)
            continue
        if re.match(r"^[-*] ", stripped):
            flush()
            item = [stripped[2:]]
            i += 1
            while i < len(lines) and lines[i].startswith("  ") and lines[i].strip():
                item.append(lines[i].strip())
                i += 1
            out += [".IP \\(bu 2", line_safe(inline(" ".join(item)))]
            continue
        if not stripped:
            flush()
            i += 1
            continue
        if stripped.startswith("Contents:"):  # in-page links mean nothing in a man page
            while i < len(lines) and lines[i].strip():
                i += 1
            continue
        paragraph.append(stripped)
        i += 1
    flush()
    return "\n".join(out) + "\n"


def main():
    source, target, name, section, version, summary = sys.argv[1:7]
    with open(source, encoding="utf-8") as f:
        text = convert(f.read(), name, section, version, summary)
    with open(target, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
