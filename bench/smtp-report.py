#!/usr/bin/env python3
"""Turns smtp-compare.sh's measurements into the printed table and bench/results/smtp-compare.md.

Usage: smtp-report.py RESULTS.tsv FACTS OUT.md. Rows of RESULTS.tsv: server tool round messages
seconds accepted_seconds p50_ms p99_ms (round 0 is the warm-up, left out). Whatever follows the
NOTES marker in an existing OUT.md (the analysis written by hand) is kept.
"""
import statistics
import sys

NOTES = "<!-- Everything below this line is written by hand and kept by smtp-compare.sh. -->"

results_path, facts_path, out_path = sys.argv[1:]
facts = dict(line.rstrip("\n").split("=", 1) for line in open(facts_path) if "=" in line)
rows = []
for line in open(results_path):
    server, tool, rnd, messages, seconds, accepted, p50, p99 = line.rstrip("\n").split("\t")
    if rnd == "0":
        continue
    rows.append({
        "server": server, "tool": tool, "round": int(rnd), "messages": int(messages),
        "seconds": float(seconds), "accepted": float(accepted),
        "p50": None if p50 == "-" else float(p50), "p99": None if p99 == "-" else float(p99),
    })


def pick(server, tool):
    return [r for r in rows if r["server"] == server and r["tool"] == tool]


def median(values):
    return statistics.median(values)


def mem(text):
    return dict(part.split("=") for part in text.split())


def mib(kb):
    return f"{int(kb) / 1024:.0f} MiB"


messages, sessions, size, rounds, warmup = facts["params"].split()
summary = []
for tool in ("smtp-source", "smtp-load"):
    posta = median([r["messages"] / r["seconds"] for r in pick("posta", tool)])
    postfix = median([r["messages"] / r["seconds"] for r in pick("postfix", tool)])
    summary.append((f"{tool}: messages/s, durable", f"{posta:,.0f}", f"{postfix:,.0f}", f"{posta / postfix:.2f}×"))
for tool in ("smtp-source", "smtp-load"):
    postfix_accepted = median([r["messages"] / r["accepted"] for r in pick("postfix", tool)])
    summary.append((f"{tool}: messages/s, acknowledged (Postfix: queued, not yet delivered)",
                    f"{median([r['messages'] / r['accepted'] for r in pick('posta', tool)]):,.0f}",
                    f"{postfix_accepted:,.0f}", ""))
for q in ("p50", "p99"):
    posta = median([r[q] for r in pick("posta", "smtp-load")])
    postfix = median([r[q] for r in pick("postfix", "smtp-load")])
    summary.append((f"DATA reply latency {q} (smtp-load)", f"{posta:.1f} ms", f"{postfix:.1f} ms", f"{posta / postfix:.2f}×"))
posta_mem = mem(facts["posta_mem"])
postfix_mem = mem(facts["postfix_mem"])
summary.append(("peak memory, Pss sum sampled every 0.2 s",
                mib(posta_mem["peak_pss_kb"]),
                f"{mib(postfix_mem['peak_pss_kb'])} ({postfix_mem['processes']} processes)",
                f"{int(posta_mem['peak_pss_kb']) / int(postfix_mem['peak_pss_kb']):.2f}×"))
# The samplers ran from start to end: warm-up and every round, both tools.
sent = 2 * int(warmup) + 2 * int(rounds) * int(messages)
posta_cpu = float(posta_mem["cpu_s"]) * 1000 / sent
postfix_cpu = float(postfix_mem["cpu_s"]) * 1000 / sent
summary.append(("server CPU time per message (user + system)", f"{posta_cpu:.2f} ms", f"{postfix_cpu:.2f} ms",
                f"{posta_cpu / postfix_cpu:.2f}×"))
summary.append(("peak memory, Rss sum sampled (Posta: VmHWM)",
                f"{mib(facts['posta_hwm_kb'])} (sampled {mib(posta_mem['peak_rss_kb'])})",
                mib(postfix_mem["peak_rss_kb"]), ""))

per_round = []
for r in sorted(rows, key=lambda r: (r["round"], r["tool"], r["server"])):
    per_round.append((str(r["round"]), r["server"], r["tool"], f"{r['messages'] / r['seconds']:,.0f}",
                      f"{r['seconds']:.2f}", f"{r['messages'] / r['accepted']:,.0f}",
                      "" if r["p50"] is None else f"{r['p50']:.1f}", "" if r["p99"] is None else f"{r['p99']:.1f}"))

width = max(len(s[0]) for s in summary)
print(f"\n{'':{width}}  {'Posta':>22}  {'Postfix':>26}  {'ratio':>7}")
for label, posta, postfix, ratio in summary:
    print(f"{label:{width}}  {posta:>22}  {postfix:>26}  {ratio:>7}")
print(f"\nevery acknowledged message in Posta's store after kill -9: {facts['after_kill']} of {facts['acknowledged']}")


def table(header, body):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in body]
    return "\n".join(lines)


kept = ""
try:
    existing = open(out_path).read()
    if NOTES in existing:
        kept = existing.split(NOTES, 1)[1]
except FileNotFoundError:
    pass

doc = f"""# SMTP MX throughput: Posta against Postfix

`bench/smtp-compare.sh` (as root) starts, on loopback ports of the same machine, Posta (`posta serve`,
MX listener only, one domain, one user, embedded store in a temporary directory) and a private
Postfix (its own main.cf, queue and Maildir in a temporary directory: `virtual_mailbox_domains`,
`virtual_mailbox_maps` texthash, virtual(8) into a Maildir, no chroot, `maillog_file`). Then, in
each round, each server gets {messages} messages of {size} bytes of body over {sessions} concurrent
sessions, one message per connection, first from Postfix's `smtp-source`, then from `smtp-load`
(bench/Posta.Benchmarks), which speaks the same way and also times each DATA reply from the final
".\\r\\n" to the 250. Rounds alternate which server goes first; a warm-up of {warmup} messages per
server and tool comes first and is not counted.

- Throughput counts durable messages. Posta answers 250 only once the message is fsync'd into the
  user's INBOX, so its time ends when the client is done. Postfix answers 250 once the message is
  fsync'd into its queue and delivers it afterwards, so its time ends when the Maildir holds every
  message (virtual(8) fsyncs each file before renaming it into `new/`).
- Latency is therefore "until durable in the mailbox" for Posta and "until durable in the queue"
  for Postfix.
- Memory: Posta's VmHWM (peak resident set over the whole run), and for both servers the peak of
  the summed Pss of the server's processes (Posta: one; Postfix: master and every child) sampled
  every 0.2 s. Pss shares library pages among the processes that map them; the Rss sum counts them
  once per Postfix process.
- CPU: user + system time of the server's processes over the whole run (Postfix: live processes
  and what exited children left in their parents' counters), divided by the messages sent.
- Medians over {rounds} rounds; the ratio is Posta ÷ Postfix (above 1 is better for Posta in
  throughput, below 1 is better for Posta in latency and memory).

## {facts['date']}

{facts['machine']}; the load generators share the 2 cores with the servers. Load average
{facts['load']}. Postfix {facts['postfix']}, .NET SDK {facts['dotnet']}.

{table(["", "Posta", "Postfix", "Posta ÷ Postfix"], summary)}

Every message Posta acknowledged was in its store after `kill -9`: {facts['after_kill']} of
{facts['acknowledged']} (warm-up included).

{table(["round", "server", "tool", "msg/s durable", "seconds", "msg/s acknowledged", "p50 ms", "p99 ms"], per_round)}

{NOTES}"""
with open(out_path, "w") as f:
    f.write(doc + kept)
print(f"wrote {out_path}")
