#!/usr/bin/env python3
"""Turns a posts source file (labels inline as [[CAT:text]]) into jsonl with UTF-16 offsets.

Usage: python3 make_posts.py [SRC OUT [ID_PREFIX]]   (default: posts.src.txt posts.jsonl post)
Optional line prefixes: {photo:Name;Name} {material:Owner;Owner} {expect:PhotoBlock,CopyrightBlock}.
"""
import json, re, sys

CATS = {"C": "ContactInfo", "S": "StudentName", "CA": "Campaign", "O": "Obscene", "H": "Harassment",
        "M": "Commercial", "X": "Confidential"}
LABEL = re.compile(r"\[\[(C|S|CA|O|H|M|X):(.+?)\]\]")
PREFIX = re.compile(r"^\{(photo|material|expect):([^}]*)\}")

def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2

src_path, out_path, prefix = (sys.argv[1:4] + ["post"])[:3] if len(sys.argv) > 2 else ("posts.src.txt", "posts.jsonl", "post")
with open(src_path, encoding="utf-8") as src, open(out_path, "w", encoding="utf-8") as out:
    n = 0
    for line in src:
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        n += 1
        extra = {}
        while m := PREFIX.match(line):
            sep = "," if m.group(1) == "expect" else ";"
            extra[m.group(1)] = [v.strip() for v in m.group(2).split(sep) if v.strip()]
            line = line[m.end():]
        text, spans, pos = "", [], 0
        # A written "\\n" is a line break: turned into one before each offset is taken, so a label after it stays
        # right (it was replaced after the offsets once, which shifted every later label of the line by one).
        for m in LABEL.finditer(line):
            text += line[pos:m.start()].replace("\\n", "\n")
            start = utf16_len(text)
            text += m.group(2).replace("\\n", "\n")
            spans.append([start, utf16_len(text), CATS[m.group(1)]])
            pos = m.end()
        text += line[pos:].replace("\\n", "\n")
        doc = {"id": f"{prefix}-{n:03d}", "text": text, "spans": spans}
        if "photo" in extra:
            doc["photo"] = extra["photo"]
        if "material" in extra:
            doc["material"] = extra["material"]
        if "expect" in extra:
            doc["doc_labels"] = extra["expect"]
        out.write(json.dumps(doc, ensure_ascii=False) + "\n")
print(n, "posts")
