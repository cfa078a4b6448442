#!/usr/bin/env python3
"""Maintainer tool for writing judgments: prints the agenda heading (the
subject of the item: the bill's or debate's name, before the proposer and the
debate) of every Folketinget item whose heading matches a regular expression.

  bench/relevance/candidates.py CORPUS.jsonl 'sygehus|hospital'

A judge reads the list, keeps the items that answer the query's need, and
writes their ids into judgments.jsonl. Matching the heading, not the debate
text, keeps the judgments independent of any engine's analysis.
"""
import json
import re
import sys


def heading(text):
    lines = []
    for line in text.split("\n")[:14]:
        if re.match(r"^(Af |Forhandling|Formanden|\(Fremsættelse|\(Anmeldelse|.*næstformand \()", line):
            break
        lines.append(line.strip())
    return " ".join(lines)


def main():
    corpus, pattern = sys.argv[1], re.compile(sys.argv[2], re.IGNORECASE)
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            h = heading(item["text"])
            if pattern.search(h):
                print(f'{item["id"]}\t{item["date"]}\t{h[:300]}')


if __name__ == "__main__":
    main()
