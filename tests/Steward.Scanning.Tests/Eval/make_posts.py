#!/usr/bin/env python3
"""Turns posts.src.txt (labels inline as [[CAT:text]]) into posts.jsonl with UTF-16 offsets."""
import json, re

CATS = {"C": "ContactInfo", "S": "StudentName", "CA": "Campaign", "O": "Obscene", "H": "Harassment",
        "M": "Commercial", "X": "Confidential"}
LABEL = re.compile(r"\[\[(C|S|CA|O|H|M|X):(.+?)\]\]")

def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2

with open("posts.src.txt", encoding="utf-8") as src, open("posts.jsonl", "w", encoding="utf-8") as out:
    n = 0
    for line in src:
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        n += 1
        text, spans, pos = "", [], 0
        for m in LABEL.finditer(line):
            text += line[pos:m.start()]
            start = utf16_len(text)
            text += m.group(2)
            spans.append([start, utf16_len(text), CATS[m.group(1)]])
            pos = m.end()
        text += line[pos:]
        text = text.replace("\\n", "\n")
        out.write(json.dumps({"id": f"post-{n:03d}", "text": text, "spans": spans}, ensure_ascii=False) + "\n")
print(n, "posts")
