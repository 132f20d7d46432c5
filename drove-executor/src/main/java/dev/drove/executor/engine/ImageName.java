package dev.drove.executor.engine;

/**
 * An image reference split the way the engine's pull API wants it: repository and tag (or digest). A reference
 * without a tag means {@code latest}; the pull API would otherwise fetch every tag of the repository.
 *
 * @param repository e.g. {@code registry.example.com:5000/team/app}
 * @param tag        e.g. {@code 1.2}, or a digest such as {@code sha256:…}
 */
record ImageName(String repository, String tag) {

    static ImageName parse(String reference) {
        String image = reference.strip();
        int at = image.indexOf('@');
        if (at > 0) {
            return new ImageName(image.substring(0, at), image.substring(at + 1));
        }
        int colon = image.lastIndexOf(':');
        if (colon > image.lastIndexOf('/')) {
            return new ImageName(image.substring(0, colon), image.substring(colon + 1));
        }
        return new ImageName(image, "latest");
    }

    boolean isDigest() {
        return tag.contains(":");
    }

    /** The full reference, e.g. {@code team/app:1.2} or {@code team/app@sha256:…}. */
    @Override
    public String toString() {
        return repository + (isDigest() ? "@" : ":") + tag;
    }
}
