#!/usr/bin/env bash
# Posta's SMTP MX next to Postfix delivering to a virtual Maildir, on this machine, in one run.
# Both get the same load from Postfix's smtp-source and from our smtp-load (which also measures the
# DATA reply latency); prints messages/s, latency and peak memory for each and the ratio, and
# writes them to bench/results/smtp-compare.md.
#
# Usage: bench/smtp-compare.sh   (root: Postfix's delivery agents run as other users)
# Environment: MESSAGES (5000), SESSIONS (20), SIZE (10240, body bytes), ROUNDS (3),
#              WARMUP (500, untimed messages first), OUT (bench/results/smtp-compare.md).
#
# Posta counts when smtp-source exits: its 250 is sent once the message is durable in INBOX.
# Postfix counts when the Maildir holds every message: its 250 means queued, delivery follows.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
messages=${MESSAGES:-5000}
sessions=${SESSIONS:-20}
size=${SIZE:-10240}
rounds=${ROUNDS:-3}
warmup=${WARMUP:-500}
out=${OUT:-$root/bench/results/smtp-compare.md}
sender=load@source.test
rcpt=user@bench.test

for tool in smtp-source /usr/sbin/postfix sqlite3 python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool: run scripts/install-test-deps.sh" >&2; exit 1; }
done
[ "$(id -u)" -eq 0 ] || { echo "run as root: Postfix's virtual(8) delivers as another user" >&2; exit 1; }

work=$(mktemp -d /tmp/smtp-compare.XXXXXX)
# Postfix's daemons run as postfix and nobody and must reach their directories below it.
chmod 755 "$work"
posta_pid=
postfix_job=
samplers=()
cleanup() {
  for s in "${samplers[@]}"; do kill "$s" 2>/dev/null || true; done
  [ -n "$posta_pid" ] && kill -9 "$posta_pid" 2>/dev/null || true
  if [ -n "$postfix_job" ]; then
    MAIL_CONFIG="$work/postfix/etc" /usr/sbin/postfix -c "$work/postfix/etc" abort >/dev/null 2>&1 || true
    wait "$postfix_job" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "building Posta and the load generator (Release)" >&2
dotnet build src/Posta -c Release -nologo -v quiet >/dev/null
dotnet build bench/Posta.Benchmarks -c Release -nologo -v quiet >/dev/null
posta="$root/src/Posta/bin/Release/net10.0/posta"
load="$root/bench/Posta.Benchmarks/bin/Release/net10.0/Posta.Benchmarks"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for_port() {
  local port=$1 log=$2
  for _ in $(seq 1 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "nothing listens on port $port; log:" >&2
  cat "$log" >&2
  exit 1
}

now() { date +%s.%N; }

# --- Posta: one domain, one user, the MX listener only.
posta_data="$work/posta-data"
posta_port=$(free_port)
"$posta" domain add bench.test --data "$posta_data" >/dev/null
"$posta" user add "$rcpt" --password-hash '{PLAIN}bench password' --data "$posta_data" >/dev/null
"$posta" serve --data "$posta_data" --hostname posta.bench.test --listen "smtp=127.0.0.1:$posta_port" 2>"$work/posta.log" &
posta_pid=$!
wait_for_port "$posta_port" "$work/posta.log"

posta_count() {
  sqlite3 -cmd '.timeout 10000' "$posta_data/metadata.db" 'SELECT count(*) FROM messages'
}

# --- Postfix: private configuration and queue, virtual(8) into a Maildir, no chroot, log to a file.
pf="$work/postfix"
postfix_port=$(free_port)
mkdir -p "$pf/etc" "$pf/mail" "$pf/spool" "$pf/lib"
chown nobody:nogroup "$pf/mail"
chown postfix:postfix "$pf/lib"
cat >"$pf/etc/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $pf/spool
data_directory = $pf/lib
# Postfix's container mode: postlogd writes to the master's standard output (redirected to maillog).
maillog_file = /dev/stdout
mail_owner = postfix
setgid_group = postdrop
myhostname = postfix.bench.test
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
alias_maps =
alias_database =
local_recipient_maps =
virtual_mailbox_domains = bench.test
virtual_mailbox_base = $pf/mail
virtual_mailbox_maps = texthash:$pf/etc/mailboxes
virtual_uid_maps = static:65534
virtual_gid_maps = static:65534
default_transport = error:this benchmark delivers locally only
disable_dns_lookups = yes
smtp_dns_support_level = disabled
biff = no
EOF
# A trailing slash makes virtual(8) deliver in Maildir format.
echo "$rcpt bench.test/user/" >"$pf/etc/mailboxes"
cat >"$pf/etc/master.cf" <<EOF
127.0.0.1:$postfix_port inet n - n - - smtpd
pickup unix n - n 60 1 pickup
cleanup unix n - n - 0 cleanup
qmgr unix n - n 300 1 qmgr
rewrite unix - - n - - trivial-rewrite
bounce unix - - n - 0 bounce
defer unix - - n - 0 bounce
trace unix - - n - 0 bounce
verify unix - - n - 1 verify
flush unix n - n 1000? 0 flush
proxymap unix - - n - - proxymap
showq unix n - n - - showq
error unix - - n - - error
retry unix - - n - - error
discard unix - - n - - discard
virtual unix - n n - - virtual
anvil unix - - n - 1 anvil
scache unix - - n - 1 scache
postlog unix-dgram n - n - 1 postlogd
EOF
MAIL_CONFIG="$pf/etc" /usr/sbin/postfix -c "$pf/etc" check
MAIL_CONFIG="$pf/etc" /usr/sbin/postfix -c "$pf/etc" start-fg >"$pf/maillog" 2>&1 &
postfix_job=$!
wait_for_port "$postfix_port" "$pf/maillog"
postfix_master=$(tr -d ' ' <"$pf/spool/pid/master.pid")
maildir="$pf/mail/bench.test/user/new"

postfix_count() {
  if [ -d "$maildir" ]; then
    find "$maildir" -type f | wc -l
  else
    echo 0
  fi
}

python3 bench/smtp-memory.py "$posta_pid" "$work/posta.mem" &
samplers+=($!)
python3 bench/smtp-memory.py "$postfix_master" "$work/postfix.mem" &
samplers+=($!)

# run SERVER TOOL COUNT ROUND: sends COUNT messages, waits until they are durable, appends a line
# "server tool round messages seconds accepted_seconds p50 p99" to results.tsv (ROUND 0: warm-up).
run() {
  local server=$1 tool=$2 count=$3 round=$4 port before start accepted end after p50=- p99=- deadline
  if [ "$server" = posta ]; then port=$posta_port; before=$(posta_count); else port=$postfix_port; before=$(postfix_count); fi
  start=$(now)
  if [ "$tool" = smtp-source ]; then
    smtp-source -s "$sessions" -m "$count" -l "$size" -f "$sender" -t "$rcpt" "127.0.0.1:$port" \
      >"$work/$server-$tool-$round.out" 2>&1 || { cat "$work/$server-$tool-$round.out" >&2; exit 1; }
  else
    "$load" smtp-load 127.0.0.1 "$port" "$sessions" "$count" "$size" "$sender" "$rcpt" \
      >"$work/$server-$tool-$round.out" 2>&1 || { cat "$work/$server-$tool-$round.out" >&2; exit 1; }
  fi
  accepted=$(now)
  if [ "$server" = posta ]; then
    after=$(posta_count)
  else
    deadline=$(( $(date +%s) + 600 ))
    while after=$(postfix_count); [ $((after - before)) -lt "$count" ]; do
      if [ "$(date +%s)" -gt "$deadline" ]; then
        echo "Postfix delivered $((after - before)) of $count in 600 s; log:" >&2
        tail -20 "$pf/maillog" >&2
        exit 1
      fi
      sleep 0.05
    done
  fi
  end=$(now)
  if [ $((after - before)) -ne "$count" ]; then
    echo "$server: $((after - before)) messages stored for $count sent with $tool" >&2
    exit 1
  fi
  if [ "$tool" = smtp-load ]; then
    p50=$(sed -n 's/^result .* p50_ms=\([0-9.]*\).*/\1/p' "$work/$server-$tool-$round.out")
    p99=$(sed -n 's/^result .* p99_ms=\([0-9.]*\).*/\1/p' "$work/$server-$tool-$round.out")
  fi
  local seconds accepted_seconds
  seconds=$(python3 -c "print(f'{$end - $start:.3f}')")
  accepted_seconds=$(python3 -c "print(f'{$accepted - $start:.3f}')")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$server" "$tool" "$round" "$count" "$seconds" "$accepted_seconds" "$p50" "$p99" >>"$work/results.tsv"
  printf '%-8s %-12s round %s: %5d messages in %7.2f s = %7.1f msg/s  (p50 %s ms, p99 %s ms)\n' \
    "$server" "$tool" "$round" "$count" "$seconds" "$(python3 -c "print($count / $seconds)")" "$p50" "$p99" >&2
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
if [ "$warmup" -gt 0 ]; then
  for server in posta postfix; do
    run "$server" smtp-source "$warmup" 0
    run "$server" smtp-load "$warmup" 0
  done
fi
for round in $(seq 1 "$rounds"); do
  # Alternate which server goes first, so neither always runs after the other's background work.
  if [ $((round % 2)) -eq 1 ]; then order="posta postfix"; else order="postfix posta"; fi
  for server in $order; do
    run "$server" smtp-source "$messages" "$round"
    run "$server" smtp-load "$messages" "$round"
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

posta_hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$posta_pid/status")
for s in "${samplers[@]}"; do kill "$s"; wait "$s" || true; done
samplers=()

# Every acknowledged message survives kill -9: count the store again after killing the server.
acknowledged=$(posta_count)
kill -9 "$posta_pid"
wait "$posta_pid" 2>/dev/null || true
posta_pid=
after_kill=$(posta_count)

cpu=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine=$(nproc) cores ($cpu), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), $(findmnt -no FSTYPE -T "$work") for both stores"
  echo "postfix=$(/usr/sbin/postconf -d -h mail_version 2>/dev/null)"
  echo "dotnet=$(dotnet --version)"
  echo "load=$load_before before, $load_after after"
  echo "posta_hwm_kb=$posta_hwm"
  echo "posta_mem=$(cat "$work/posta.mem")"
  echo "postfix_mem=$(cat "$work/postfix.mem")"
  echo "acknowledged=$acknowledged"
  echo "after_kill=$after_kill"
  echo "params=$messages $sessions $size $rounds $warmup"
} >"$work/facts"

python3 bench/smtp-report.py "$work/results.tsv" "$work/facts" "$out"
