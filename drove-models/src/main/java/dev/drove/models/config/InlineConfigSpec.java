package dev.drove.models.config;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.Arrays;

/**
 * Config content carried in the spec itself, base64 in JSON. It is stored in ZooKeeper and sent to executors inline,
 * so it suits small files only. The APIs answer specs with {@code data} emptied (docs: apis/application.md).
 */
public record InlineConfigSpec(@NotEmpty String localFilename, @NotNull byte[] data) implements ConfigSpec {

    public InlineConfigSpec {
        data = data == null ? null : data.clone();
    }

    @Override
    public byte[] data() {
        return data == null ? null : data.clone();
    }

    /** The same file with its content removed, as the read APIs return it. */
    public InlineConfigSpec withoutData() {
        return new InlineConfigSpec(localFilename, new byte[0]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InlineConfigSpec that
                && java.util.Objects.equals(localFilename, that.localFilename)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(localFilename) + Arrays.hashCode(data);
    }

    /** Never prints the content: it may hold secrets. */
    @Override
    public String toString() {
        return "InlineConfigSpec[localFilename=" + localFilename + ", data=" + (data == null ? "none"
                : data.length + " bytes") + "]";
    }
}
