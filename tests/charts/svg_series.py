#!/usr/bin/env python3
"""Reads a staffplan --chart SVG back for the chart tests: parses it as XML (a
parse error exits 1) and prints one line per plotted series,

    queue <TAB> series <TAB> site <TAB> comma-separated values

(site is empty unless the series is a per-site layer; bands print two lines,
series.lo and series.hi). The first line is "chart <TAB> kind <TAB> intervals".
"""
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def main(path):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        print(f"not well-formed XML: {error}", file=sys.stderr)
        return 1
    if root.tag != SVG + "svg":
        print(f"root element is {root.tag}, not svg", file=sys.stderr)
        return 1
    print(f"chart\t{root.get('data-chart')}\t{root.get('data-intervals')}")
    for panel in root.iter(SVG + "g"):
        queue = panel.get("data-queue")
        if queue is None:
            continue
        for element in panel:
            series = element.get("data-series")
            if series is None:
                continue
            site = element.get("data-site", "")
            if element.get("data-lo") is not None:
                print(f"{queue}\t{series}.lo\t{site}\t{element.get('data-lo')}")
                print(f"{queue}\t{series}.hi\t{site}\t{element.get('data-hi')}")
            else:
                print(f"{queue}\t{series}\t{site}\t{element.get('data-values')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
