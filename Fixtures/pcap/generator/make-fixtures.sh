#!/usr/bin/env bash
# Makes the captures in Fixtures/pcap/ and their tshark sidecars. Everything runs in a new
# network namespace (unshare -n), so only this script's traffic is captured and no other
# program's SIP on the host loopback gets in. Needs root, sipp, dumpcap, tshark, editcap,
# python3, ethtool.
#
#   Fixtures/pcap/generator/make-fixtures.sh            # all captures, then the sidecars
#   Fixtures/pcap/generator/make-fixtures.sh sidecars   # only the sidecars
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(dirname "$here")"

if [[ "${1:-}" == "inside" ]]; then
    # $2: name, $3: MTU of lo, $4: interface for dumpcap (lo or any), $5: link type, then the
    # command that makes the traffic.
    name="$2"; mtu="$3"; iface="$4"; linktype="$5"; shift 5
    ip link set lo up mtu "$mtu"
    # Without offload the kernel cuts TCP at the MSS before the capture point, as a real NIC
    # path does; with it, loopback captures one segment of up to 64 KB.
    [[ "$mtu" != 65536 ]] && ethtool -K lo tso off gso off >/dev/null
    work="$(mktemp -d)"
    cd "$work"
    args=(-i "$iface" -q -w "$work/$name.pcapng")
    [[ "$linktype" != default ]] && args+=(-y "$linktype")
    dumpcap "${args[@]}" 2>/dev/null &
    capture=$!
    trap 'kill -INT "$capture" 2>/dev/null || true' EXIT
    sleep 1.5
    "$@" > "$work/traffic.log" 2>&1 || { echo "$name: the traffic command failed:" >&2; tail -5 "$work/traffic.log" >&2; }
    sleep 1
    kill -INT "$capture"
    wait "$capture" || true
    trap - EXIT
    cp "$work/$name.pcapng" "$out/$name.pcapng"
    rm -rf "$work"
    exit 0
fi

capture() { unshare -n "$0" inside "$@"; }

sipp_call() {
    # $1: transport (u1 or t1), $2: address family (4 or 6), $3: scenario (uac or a file).
    local host=127.0.0.1 remote=127.0.0.1:5060
    [[ "$2" == 6 ]] && host=::1 remote=[::1]:5060
    local scenario=(-sn uac)
    [[ "$3" != uac ]] && scenario=(-sf "$3")
    sipp -sn uas -i "$host" -p 5060 -t "$1" -m 1 -nostdin &
    local uas=$!
    sleep 0.5
    sipp "${scenario[@]}" "$remote" -i "$host" -t "$1" -m 1 -nostdin
    # sipp's UAS exits non-zero over TCP when the UAC closes first; the call itself passed.
    wait "$uas" || true
}
export -f sipp_call

if [[ "${1:-}" != "sidecars" ]]; then
    capture sip-udp 65536 lo default bash -c "sipp_call u1 4 uac"
    capture sip-tcp 65536 lo default bash -c "sipp_call t1 4 uac"
    capture sip-udp-fragmented 1280 lo default bash -c "sipp_call u1 4 $here/uac-large-sdp.xml"
    capture sip-udp6-fragmented 1280 lo default bash -c "sipp_call u1 6 $here/uac-large-sdp.xml"
    capture sip-tcp-segmented 1280 lo default bash -c "sipp_call t1 4 $here/uac-large-sdp.xml"
    capture sip-tcp-coalesced 65536 lo default python3 "$here/sip-tcp-coalesced.py"
    capture sip-udp-any-sll 65536 any LINUX_SLL bash -c "sipp_call u1 4 uac"
    capture sip-udp-any-sll2 65536 any LINUX_SLL2 bash -c "sipp_call u1 4 uac"
    # The same packets in the other formats: classic pcap with microsecond and with
    # nanosecond timestamps.
    for name in sip-udp sip-tcp sip-udp-fragmented sip-udp6-fragmented sip-tcp-segmented sip-tcp-coalesced; do
        editcap -F pcap "$out/$name.pcapng" "$out/$name.pcap"
    done
    editcap -F nsecpcap "$out/sip-udp-fragmented.pcapng" "$out/sip-udp-fragmented.nsec.pcap"
    gzip -9 -n -c "$out/sip-tcp.pcapng" > "$out/sip-tcp.pcapng.gz"
fi

# Sidecars: what tshark reads in each capture, one line per frame: the frame number, then the
# UDP payload and the TCP payload in hex (empty when the frame has none). ICMP errors quote
# the UDP header of the datagram they refer to; their frames are left out of the payloads.
sidecar() {
    local file="$1" target="$2"
    {
        echo "# tshark $(tshark --version | head -1 | sed 's/^TShark (Wireshark) //') -r $(basename "$file")"
        tshark -r "$file" -o tcp.desegment_tcp_streams:FALSE -T fields -E separator=/t \
            -e frame.number -e udp.payload -e tcp.payload -Y "!icmp && !icmpv6" 2>/dev/null
        echo "# frames $(tshark -r "$file" -T fields -e frame.number 2>/dev/null | wc -l)"
    } > "$target"
}
for file in "$out"/*.pcap "$out"/*.pcapng "$out"/*.pcapng.gz; do
    [[ -e "$file" ]] && sidecar "$file" "$file.tsv"
done
corpus="$out/../corpus"
for file in "$corpus"/linphone/*/sip-udp-lo.pcap; do
    rel="${file#"$corpus"/}"
    mkdir -p "$out/corpus"
    sidecar "$file" "$out/corpus/${rel//\//--}.tsv"
done
