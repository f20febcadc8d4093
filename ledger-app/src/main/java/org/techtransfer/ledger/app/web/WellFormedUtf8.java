package org.techtransfer.ledger.app.web;

import java.io.IOException;

/**
 * Checks a body, byte by byte as it is read, against the well-formed UTF-8 of RFC 3629: no overlong
 * forms (C0 AF for '/'), no encoded surrogates (ED A0 80), nothing above U+10FFFF, no cut sequence.
 * Jackson decodes overlong forms and encoded surrogates without complaint, so without this check a
 * malformed body would be recorded as some other text than the client sent.
 */
final class WellFormedUtf8 {

    /** Thrown while reading a body that is not well-formed UTF-8. */
    static final class Malformed extends IOException {
        Malformed() {
            super("the request body is not well-formed UTF-8");
        }
    }

    private int continuations;
    private int lowest = 0x80;
    private int highest = 0xBF;

    void check(int b) throws Malformed {
        if (continuations == 0) {
            if (b <= 0x7F) {
                return;
            }
            if (b >= 0xC2 && b <= 0xDF) {
                continuations = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                continuations = 2;
                lowest = b == 0xE0 ? 0xA0 : 0x80;   // E0 80..9F would be overlong
                highest = b == 0xED ? 0x9F : 0xBF;  // ED A0..BF would be a surrogate
            } else if (b >= 0xF0 && b <= 0xF4) {
                continuations = 3;
                lowest = b == 0xF0 ? 0x90 : 0x80;   // F0 80..8F would be overlong
                highest = b == 0xF4 ? 0x8F : 0xBF;  // F4 90.. would be above U+10FFFF
            } else {
                throw new Malformed();
            }
            return;
        }
        if (b < lowest || b > highest) {
            throw new Malformed();
        }
        lowest = 0x80;
        highest = 0xBF;
        continuations--;
    }

    void end() throws Malformed {
        if (continuations != 0) {
            throw new Malformed();
        }
    }
}
