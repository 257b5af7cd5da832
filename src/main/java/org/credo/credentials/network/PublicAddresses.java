package org.credo.credentials.network;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Tells public internet addresses from everything a server must never be made to call on a stranger's behalf:
 * loopback, private networks, link-local (with the 169.254.169.254 cloud metadata service), carrier-grade NAT,
 * multicast, reserved and documentation ranges, and IPv6 forms that embed one of those IPv4 addresses.
 */
final class PublicAddresses {

    private PublicAddresses() {}

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        return address instanceof Inet6Address ? isPublicV6(bytes) : isPublicV4(bytes);
    }

    private static boolean isPublicV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        return !(first == 0 // "this network"
                || first == 10
                || first == 127
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT, 100.64/10
                || (first == 169 && second == 254)
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)
                || (first == 192 && second == 0 && third == 0) // IETF protocol assignments
                || (first == 192 && second == 0 && third == 2) // TEST-NET-1
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || (first == 198 && second == 51 && third == 100) // TEST-NET-2
                || (first == 203 && second == 0 && third == 113) // TEST-NET-3
                || first >= 224); // multicast, reserved, broadcast
    }

    private static boolean isPublicV6(byte[] b) {
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc // unique local, fc00::/7
                || first == 0xff // multicast
                || (first == 0xfe && (b[1] & 0xc0) == 0x80) // link-local, fe80::/10
                || (first == 0xfe && (b[1] & 0xc0) == 0xc0) // old site-local, fec0::/10
                || (first == 0x20 && b[1] == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8)) { // documentation
            return false;
        }
        if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return isPublic(v4(b, 12)); // IPv4-mapped, ::ffff:a.b.c.d
        }
        if (zeros(b, 0, 12)) {
            return false; // unspecified, loopback and the deprecated IPv4-compatible form
        }
        if (first == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return isPublic(v4(b, 12)); // NAT64, 64:ff9b::/96
        }
        if (first == 0x20 && b[1] == 0x02) {
            return isPublic(v4(b, 2)); // 6to4, 2002::/16
        }
        // Teredo (2001:0::/32) hides its IPv4 address obfuscated; nothing legitimate publishes a DID there.
        return !(first == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0);
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] b, int offset) {
        try {
            return Inet4Address.getByAddress(new byte[] {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
