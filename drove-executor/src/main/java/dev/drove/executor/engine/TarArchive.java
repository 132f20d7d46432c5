package dev.drove.executor.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * An in-memory POSIX ustar archive of regular files, for {@code copyArchiveToContainerCmd}: config files reach the
 * container without touching the executor's disk (drove-contract.md §3). Entries are relative to {@code /}, owned by
 * root and readable by everyone (0644); the engine creates missing parent folders. Folders that exist are left as
 * they are, because the archive carries no folder entries.
 */
final class TarArchive {
    private static final int BLOCK = 512;
    private static final long MAX_SIZE = 077777777777L;

    private TarArchive() {
    }

    /**
     * The archive of these files.
     *
     * @param files absolute path in the container → content
     * @throws IllegalArgumentException if a path is too long for ustar (100 bytes of name, 155 of folder) or a file
     *                                  is 8 GiB or more
     */
    static byte[] of(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long mtime = System.currentTimeMillis() / 1000;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            byte[] content = file.getValue();
            out.writeBytes(header(file.getKey().replaceFirst("^/+", ""), content.length, mtime));
            out.writeBytes(content);
            out.writeBytes(new byte[padding(content.length)]);
        }
        out.writeBytes(new byte[2 * BLOCK]);
        return out.toByteArray();
    }

    private static byte[] header(String path, long size, long mtime) {
        if (size > MAX_SIZE) {
            throw new IllegalArgumentException("File " + path + " is too large to copy into a container");
        }
        byte[] header = new byte[BLOCK];
        String[] split = splitPath(path);
        put(header, 0, 100, split[1]);
        put(header, 100, 8, octal(0644, 7));
        put(header, 108, 8, octal(0, 7));
        put(header, 116, 8, octal(0, 7));
        put(header, 124, 12, octal(size, 11));
        put(header, 136, 12, octal(mtime, 11));
        header[156] = '0';
        put(header, 257, 6, "ustar");
        put(header, 263, 2, "00");
        put(header, 265, 32, "root");
        put(header, 297, 32, "root");
        put(header, 345, 155, split[0]);
        Arrays.fill(header, 148, 156, (byte) ' ');
        long checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        put(header, 148, 6, octal(checksum, 6));
        header[154] = 0;
        return header;
    }

    /** {prefix, name}: the name holds at most 100 bytes, the prefix (folders) at most 155. */
    private static String[] splitPath(String path) {
        if (bytes(path) <= 100) {
            return new String[]{"", path};
        }
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            String prefix = path.substring(0, slash);
            String name = path.substring(slash + 1);
            if (bytes(prefix) <= 155 && bytes(name) <= 100) {
                return new String[]{prefix, name};
            }
        }
        throw new IllegalArgumentException("Path /" + path + " is too long to copy into a container");
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String octal(long value, int digits) {
        String text = Long.toOctalString(value);
        return "0".repeat(Math.max(0, digits - text.length())) + text;
    }

    private static void put(byte[] header, int offset, int length, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, length));
    }

    private static int padding(int length) {
        int rest = length % BLOCK;
        return rest == 0 ? 0 : BLOCK - rest;
    }
}
