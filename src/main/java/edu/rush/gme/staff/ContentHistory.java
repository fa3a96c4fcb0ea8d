package edu.rush.gme.staff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.EmptyCommitException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The versions of each content file, for the staff workspace's history, restore and trash.
 *
 * <p>When the content folder is a git repository (or inside one), every recorded save is a commit
 * made with JGit, with the staff member as author, of that one file only (other changes in the work
 * tree are left as they are), and a file's history is git's log of that file, so commits made by
 * hand outside the workspace show up too. Without git, copies of the last {@value #KEPT} versions
 * of each file are kept in the data folder ({@code versions/<path>/<id>.md}, with the author and
 * message beside them in {@code <id>.properties}).
 *
 * <p>Differences are unified diffs made by JGit's histogram diff in both modes (JGit is on the class
 * path anyway, so the kept-versions mode needs no other library).
 *
 * <p>Trash: a file moved to the trash is copied to {@code trash/<id>/} in the data folder (with who
 * moved it, when, and where it was) and removed from the content folder; with git, the removal is a
 * commit ({@code git rm}). Restoring it puts it back and records that as a new version.
 */
public final class ContentHistory implements ContentSaves.Listener {

    /** How many versions of each file are kept without git. */
    public static final int KEPT = 20;
    /** The id that names the file as it is now, for a difference to the current text. */
    public static final String CURRENT = "current";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern KEPT_ID = Pattern.compile("[0-9]{8}T[0-9]{9}Z(-[0-9]{1,4})?");
    private static final Pattern GIT_ID = Pattern.compile("[0-9a-f]{40}");

    /** One version of a file: its id (a commit or a kept copy), when, by whom ({@code name <email>}), and why. */
    public record Version(String id, Instant time, String author, String message) {
        public String shortId() {
            return id.length() == 40 ? id.substring(0, 8) : id;
        }
    }

    /** A file in the trash: its id, where it was (as shown, {@code content/...}), who moved it, when. */
    public record Trashed(String id, String file, String who, Instant when) {
    }

    /** A file parameter or version that cannot be used, with the sentence saying why. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final Path contentDir;
    private final String displayPrefix;
    private final Path dataDir;
    private final Clock clock;
    /** Every change to the folder and every version recorded, one at a time across instances sharing it. */
    private final ContentWrites writes;

    /**
     * @param contentDir the content folder
     * @param dataDir    the data folder (kept versions and the trash go in it)
     */
    public ContentHistory(Path contentDir, Path dataDir, Clock clock) {
        this.contentDir = contentDir.toAbsolutePath().normalize();
        this.writes = ContentWrites.of(this.contentDir);
        Path name = this.contentDir.getFileName();
        this.displayPrefix = name == null ? "content" : name.toString();
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.clock = clock;
    }

    // --- which file ---

    /**
     * The content file a parameter names, as the content list shows it ({@code content/news/x.md}):
     * refused, with the reason, when it is empty, absolute, has {@code ..} or a hidden folder, is not
     * a Markdown file, or leaves the content folder (through a symbolic link too).
     */
    public Path resolve(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            throw new Refused("No file was named; give its path like " + displayPrefix + "/news/story.md.");
        }
        String text = parameter.strip();
        if (text.chars().anyMatch(c -> c < ' ' || c == 127) || text.contains("\\")) {
            throw new Refused("The file name '" + printable(text) + "' has characters a content path cannot have (control characters or a backslash).");
        }
        if (text.startsWith("/") || text.matches("^[A-Za-z]:.*")) {
            throw new Refused("'" + text + "' is an absolute path; give the path inside the content folder, like " + displayPrefix + "/news/story.md.");
        }
        if (!text.startsWith(displayPrefix + "/")) {
            throw new Refused("'" + text + "' is not in the content folder; content paths start with " + displayPrefix + "/.");
        }
        String rest = text.substring(displayPrefix.length() + 1);
        for (String segment : rest.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new Refused("'" + text + "' has a '" + segment + "' part; paths may not step out of or around the content folder.");
            }
            if (segment.isEmpty()) {
                throw new Refused("'" + text + "' has an empty part (two slashes or a slash at the end).");
            }
            if (segment.startsWith(".")) {
                throw new Refused("'" + text + "' goes into a hidden file or folder (" + segment + "), which is not content.");
            }
        }
        if (!rest.endsWith(".md")) {
            throw new Refused("'" + text + "' is not a Markdown file (.md); only content files have a history.");
        }
        Path file = contentDir.resolve(rest).normalize();
        if (!file.startsWith(contentDir) || file.equals(contentDir)) {
            throw new Refused("'" + text + "' is outside the content folder.");
        }
        // No symbolic link anywhere on the way: one could lead out of the content folder.
        for (Path step = file; step != null && !step.equals(contentDir); step = step.getParent()) {
            if (Files.isSymbolicLink(step)) {
                throw new Refused("'" + text + "' goes through a symbolic link (" + display(step) + "), which may lead out of the content folder.");
            }
        }
        return file;
    }

    /** The file as staff see it: {@code content/news/x.md}. */
    public String display(Path file) {
        return displayPrefix + "/" + contentDir.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** Whether saves are commits (the content folder is in a git repository). */
    public boolean usesGit() {
        try (Repository repository = repository()) {
            return repository != null;
        }
    }

    // --- recording and reading versions ---

    /** Records the file as it is now (call after it was written): a commit of that file alone, or a kept copy. */
    public Optional<Version> recorded(Path file, StaffAccount author, String message) {
        return writes.lockedUnchecked(() -> recordedLocked(file, author, message));
    }

    private Optional<Version> recordedLocked(Path file, StaffAccount author, String message) {
        Path target = checked(file);
        String why = message == null || message.isBlank() ? "Saved " + display(target) : message.strip();
        try (Repository repository = repository()) {
            if (repository != null) {
                return commitOne(repository, target, ident(author), why, false);
            }
        }
        return Optional.of(keep(target, author.email(), why));
    }

    /** The editor's saves and creations: {@link #recorded}. */
    @Override
    public void saved(Path file, StaffAccount author, String message) {
        recorded(file, author, message);
    }

    /**
     * Call before overwriting a file: a hand edit made outside the workspace since the last recorded
     * version is recorded first, as its own version, so the save that follows neither swallows it
     * nor passes it off as the staff member's. With git: the file as it is on disk, when it differs
     * from the last commit (or was never committed), is committed with the repository's configured
     * user as author ("Outside the workspace" when none is set). Without git: it is kept when it
     * differs from the newest kept version, or when none is kept yet (written before the workspace).
     */
    public void aboutToWrite(Path file) {
        writes.lockedUnchecked(() -> {
            aboutToWriteLocked(file);
            return null;
        });
    }

    private void aboutToWriteLocked(Path file) {
        Path target = checked(file);
        if (!Files.isRegularFile(target)) {
            return;
        }
        try (Repository repository = repository()) {
            if (repository != null) {
                if (!sameAsHead(repository, target)) {
                    commitOne(repository, target, outsider(repository), "Changed outside the workspace: " + display(target)
                            + " as it was on disk before the next save in the workspace", false);
                }
                return;
            }
        }
        List<Version> kept = keptVersions(target);
        if (kept.isEmpty()) {
            keep(target, OUTSIDE, "As it was before the first save in the workspace");
        } else if (!sameBytes(target, versionsOf(target).resolve(kept.get(0).id() + ".md"))) {
            keep(target, OUTSIDE, "Changed outside the workspace since the last save (kept before the next one)");
        }
    }

    /** Who a hand edit is recorded as without git, and with git when the repository names no user. */
    static final String OUTSIDE = "outside the workspace";

    private static PersonIdent outsider(Repository repository) {
        org.eclipse.jgit.lib.UserConfig user = repository.getConfig().get(org.eclipse.jgit.lib.UserConfig.KEY);
        if (user.isAuthorNameImplicit() || user.isAuthorEmailImplicit()) {
            return new PersonIdent("Outside the workspace", "outside@workspace.invalid");
        }
        return new PersonIdent(user.getAuthorName(), user.getAuthorEmail());
    }

    /** Whether the file on disk is byte for byte the one in the last commit. */
    private boolean sameAsHead(Repository repository, Path file) {
        try {
            ObjectId head = repository.resolve("HEAD^{tree}");
            if (head == null) {
                return false;
            }
            try (TreeWalk walk = TreeWalk.forPath(repository, repoPath(repository, file), head)) {
                return walk != null && java.util.Arrays.equals(repository.open(walk.getObjectId(0)).getBytes(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sameBytes(Path a, Path b) {
        try {
            return Files.isRegularFile(b) && Files.mismatch(a, b) == -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An image stored in a page's bundle: with git, a commit of that file alone; without, nothing (versions are of text). */
    @Override
    public void added(Path image, Path page, StaffAccount author, String message) {
        writes.lockedUnchecked(() -> {
            addedLocked(image, page, author, message);
            return null;
        });
    }

    private void addedLocked(Path image, Path page, StaffAccount author, String message) {
        Path file = inside(image);
        try (Repository repository = repository()) {
            if (repository != null) {
                commitPaths(repository, List.of(repoPath(repository, file)), List.of(), ident(author), message);
            }
        }
    }

    /**
     * A file that became its bundle's index.md: with git, one commit removing the old path and adding
     * the new one and the image (git sees a rename); without, its kept versions move with it. Either
     * way {@link #history} of the new path lists the old one's versions.
     */
    @Override
    public void bundled(Path from, Path to, Path image, StaffAccount author, String message) {
        writes.lockedUnchecked(() -> {
            bundledLocked(from, to, image, author, message);
            return null;
        });
    }

    private void bundledLocked(Path from, Path to, Path image, StaffAccount author, String message) {
        Path old = inside(from);
        Path now = checked(to);
        Path picture = inside(image);
        try (Repository repository = repository()) {
            if (repository != null) {
                List<String> removed = tracked(repository, old) ? List.of(repoPath(repository, old)) : List.of();
                commitPaths(repository, List.of(repoPath(repository, now), repoPath(repository, picture)), removed, ident(author), message);
                return;
            }
        }
        Path versions = versionsOf(old);
        if (Files.isDirectory(versions)) {
            try {
                Path moved = versionsOf(now);
                Files.createDirectories(moved);
                try (Stream<Path> copies = Files.list(versions)) {
                    for (Path copy : copies.toList()) {
                        Files.move(copy, moved.resolve(copy.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Files.deleteIfExists(versions);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A path inside the content folder (an image, or a file that was just moved away), without the checks for a Markdown file. */
    private Path inside(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(contentDir) || absolute.equals(contentDir)) {
            throw new Refused("'" + absolute.getFileName() + "' is outside the content folder.");
        }
        return absolute;
    }

    /** One commit of exactly these paths: those added (as they are on disk) and those removed. */
    private void commitPaths(Repository repository, List<String> added, List<String> removed, PersonIdent who, String message) {
        try (Git git = new Git(repository)) {
            for (String path : added) {
                git.add().addFilepattern(path).call();
            }
            for (String path : removed) {
                git.rm().addFilepattern(path).call();
            }
            PersonIdent at = new PersonIdent(who, clock.instant(), ZoneOffset.UTC);
            org.eclipse.jgit.api.CommitCommand commit = git.commit().setAuthor(at).setCommitter(at).setMessage(message).setAllowEmpty(false);
            for (String path : added) {
                commit.setOnly(path);
            }
            for (String path : removed) {
                commit.setOnly(path);
            }
            commit.call();
        } catch (EmptyCommitException unchanged) {
            // Nothing new: the same bytes were committed before.
        } catch (GitAPIException e) {
            throw new IllegalStateException(String.join(", ", added) + " could not be committed: " + e.getMessage(), e);
        }
    }

    /**
     * The name a bundle's index.md had before it became a bundle ({@code news/x.md} for
     * {@code news/x/index.md}), whose history is its own; null for any other file.
     */
    private Path formerPath(Path file) {
        Path relative = contentDir.relativize(file);
        if (relative.getNameCount() != 3 || !relative.getFileName().toString().equals("index.md")) {
            return null;
        }
        return file.getParent().resolveSibling(file.getParent().getFileName() + ".md");
    }

    /** The file's versions, newest first. */
    public List<Version> history(Path file) {
        Path target = checked(file);
        try (Repository repository = repository()) {
            if (repository != null) {
                try (Git git = new Git(repository)) {
                    List<Version> versions = new ArrayList<>();
                    org.eclipse.jgit.api.LogCommand log = git.log().addPath(repoPath(repository, target));
                    Path former = formerPath(target);
                    if (former != null) {
                        log.addPath(repoPath(repository, former));
                    }
                    for (RevCommit commit : log.call()) {
                        PersonIdent who = commit.getAuthorIdent();
                        versions.add(new Version(commit.getName(), who.getWhenAsInstant(),
                                who.getName() + " <" + who.getEmailAddress() + ">", commit.getFullMessage().strip()));
                    }
                    return versions;
                } catch (org.eclipse.jgit.api.errors.NoHeadException empty) {
                    return List.of();
                } catch (GitAPIException e) {
                    throw new IllegalStateException("the history of " + display(target) + " could not be read: " + e.getMessage(), e);
                }
            }
        }
        return keptVersions(target);
    }

    /** The file's text in one version ({@link #CURRENT}: as it is now on disk). */
    public String text(Path file, String versionId) {
        Path target = checked(file);
        if (CURRENT.equals(versionId)) {
            try {
                return Files.isRegularFile(target) ? Files.readString(target, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (Repository repository = repository()) {
            if (repository != null) {
                if (versionId == null || !GIT_ID.matcher(versionId).matches()) {
                    throw new Refused("'" + printable(String.valueOf(versionId)) + "' is not a version of " + display(target) + ".");
                }
                return gitText(repository, target, versionId);
            }
        }
        if (versionId == null || !KEPT_ID.matcher(versionId).matches()) {
            throw new Refused("'" + printable(String.valueOf(versionId)) + "' is not a version of " + display(target) + ".");
        }
        Path copy = versionsOf(target).resolve(versionId + ".md");
        if (!Files.isRegularFile(copy)) {
            throw new Refused("There is no version " + versionId + " of " + display(target) + " (only the last " + KEPT + " are kept).");
        }
        try {
            return Files.readString(copy, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A unified diff from one version to another ({@link #CURRENT} for the file as it is); empty when they are the same. */
    public String diff(Path file, String fromId, String toId) {
        Path target = checked(file);
        String name = display(target);
        RawText a = new RawText(text(target, fromId).getBytes(StandardCharsets.UTF_8));
        RawText b = new RawText(text(target, toId).getBytes(StandardCharsets.UTF_8));
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM).diff(RawTextComparator.DEFAULT, a, b);
        if (edits.isEmpty()) {
            return "";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter formatter = new DiffFormatter(out)) {
            out.writeBytes(("--- " + name + " (" + shortOf(fromId) + ")\n+++ " + name + " (" + shortOf(toId) + ")\n").getBytes(StandardCharsets.UTF_8));
            formatter.format(edits, a, b);
            formatter.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes the text of a version as the current file (atomically) and records that as a new version. */
    public Optional<Version> restore(Path file, String versionId, StaffAccount who) {
        return writes.lockedUnchecked(() -> restoreLocked(file, versionId, who));
    }

    private Optional<Version> restoreLocked(Path file, String versionId, StaffAccount who) {
        Path target = checked(file);
        Version version = history(target).stream().filter(v -> v.id().equals(versionId)).findFirst()
                .orElseThrow(() -> new Refused("'" + printable(String.valueOf(versionId)) + "' is not one of the versions of " + display(target) + "."));
        String text = text(target, versionId);
        if (text.isEmpty() && !hasText(target, versionId)) {
            throw new Refused("Version " + shortOf(versionId) + " is the one that removed " + display(target) + "; restore an earlier one, or the file from the trash.");
        }
        // A hand edit made since the last version is recorded before the restore overwrites it.
        aboutToWrite(target);
        writeAtomically(target, text);
        return recorded(target, who, "Restored " + display(target) + " to version " + shortOf(versionId)
                + " of " + DateTimeFormatter.ISO_INSTANT.format(version.time()));
    }

    /** Whether the file was there in that version (with git, a commit that removed it has no text). */
    private boolean hasText(Path file, String versionId) {
        try (Repository repository = repository()) {
            if (repository == null) {
                return true;
            }
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit commit = walk.parseCommit(ObjectId.fromString(versionId));
                Path former = formerPath(file);
                for (Path path : former == null ? List.of(file) : List.of(file, former)) {
                    try (TreeWalk tree = TreeWalk.forPath(repository, repoPath(repository, path), commit.getTree())) {
                        if (tree != null) {
                            return true;
                        }
                    }
                }
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // --- trash ---

    /** Moves the file to the trash (publishers): a copy in the data folder's trash, and with git a commit removing it. */
    public Trashed trash(Path file, StaffAccount who) {
        return writes.lockedUnchecked(() -> trashLocked(file, who));
    }

    private Trashed trashLocked(Path file, StaffAccount who) {
        Path target = checked(file);
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused(display(target) + " does not exist, so it cannot be moved to the trash.");
        }
        Instant now = clock.instant();
        String id = uniqueStamp(dataDir.resolve("trash"), now, "");
        Path entry = dataDir.resolve("trash").resolve(id);
        String rel = contentDir.relativize(target).toString().replace('\\', '/');
        try {
            Files.createDirectories(entry);
            Files.copy(target, entry.resolve("file.md"), StandardCopyOption.COPY_ATTRIBUTES);
            Properties about = new Properties();
            about.setProperty("path", rel);
            about.setProperty("who", who.email());
            about.setProperty("when", now.toString());
            writeProperties(entry.resolve("trashed.properties"), about);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Repository repository = repository()) {
            if (repository != null && tracked(repository, target)) {
                try (Git git = new Git(repository)) {
                    String path = repoPath(repository, target);
                    git.rm().addFilepattern(path).call();
                    commitOne(repository, target, ident(who), "Moved " + display(target) + " to the trash", true);
                } catch (GitAPIException e) {
                    throw new IllegalStateException(display(target) + " could not be removed in git: " + e.getMessage(), e);
                }
            }
        }
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Trashed(id, display(target), who.email(), now);
    }

    /** What is in the trash, most recently moved first. */
    public List<Trashed> trashed() {
        Path trash = dataDir.resolve("trash");
        if (!Files.isDirectory(trash)) {
            return List.of();
        }
        List<Trashed> all = new ArrayList<>();
        try (Stream<Path> entries = Files.list(trash)) {
            for (Path entry : entries.toList()) {
                readTrashed(entry).ifPresent(all::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        all.sort(Comparator.comparing(Trashed::when).thenComparing(Trashed::id).reversed());
        return all;
    }

    /** Puts a trashed file back where it was (refused when a file is there now) and records that as a new version. */
    public Path restoreFromTrash(String trashId, StaffAccount who) {
        return writes.lockedUnchecked(() -> restoreFromTrashLocked(trashId, who));
    }

    private Path restoreFromTrashLocked(String trashId, StaffAccount who) {
        if (trashId == null || !KEPT_ID.matcher(trashId).matches()) {
            throw new Refused("'" + printable(String.valueOf(trashId)) + "' is not an item in the trash.");
        }
        Path entry = dataDir.resolve("trash").resolve(trashId);
        Trashed item = readTrashed(entry).orElseThrow(() -> new Refused("There is no item " + trashId + " in the trash (it may have been restored already)."));
        Path target = resolve(item.file());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused(item.file() + " exists again, so the trashed copy was not put back over it; open its history to restore an older version.");
        }
        try {
            Files.createDirectories(target.getParent());
            writeAtomically(target, Files.readString(entry.resolve("file.md"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        recorded(target, who, "Restored " + item.file() + " from the trash");
        deleteTree(entry);
        return target;
    }

    // --- git ---

    /** The repository the content folder is in, or null; opened anew each time, so a {@code git init} later counts. */
    private Repository repository() {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(contentDir.toFile());
        if (builder.getGitDir() == null) {
            return null;
        }
        try {
            Repository repository = builder.build();
            if (repository.isBare()) {
                repository.close();
                return null;
            }
            return repository;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String repoPath(Repository repository, Path file) {
        return repository.getWorkTree().toPath().toAbsolutePath().normalize().relativize(file).toString().replace('\\', '/');
    }

    private static PersonIdent ident(StaffAccount account) {
        String email = account.email();
        int at = email.indexOf('@');
        return new PersonIdent(at > 0 ? email.substring(0, at) : email, email);
    }

    /** Commits that one path only (git commit --only PATH); nothing when it did not change. */
    private Optional<Version> commitOne(Repository repository, Path file, PersonIdent who, String message, boolean removed) {
        String path = repoPath(repository, file);
        try (Git git = new Git(repository)) {
            if (!removed) {
                git.add().addFilepattern(path).call();
            }
            PersonIdent at = new PersonIdent(who, clock.instant(), ZoneOffset.UTC);
            RevCommit commit = git.commit().setOnly(path).setAuthor(at).setCommitter(at).setMessage(message).setAllowEmpty(false).call();
            return Optional.of(new Version(commit.getName(), at.getWhenAsInstant(), who.getName() + " <" + who.getEmailAddress() + ">", message));
        } catch (EmptyCommitException unchanged) {
            return Optional.empty();
        } catch (GitAPIException e) {
            throw new IllegalStateException(display(file) + " could not be committed: " + e.getMessage(), e);
        }
    }

    private static boolean tracked(Repository repository, Path file) {
        try {
            ObjectId head = repository.resolve("HEAD^{tree}");
            if (head == null) {
                return false;
            }
            try (TreeWalk walk = TreeWalk.forPath(repository, repoPath(repository, file), head)) {
                return walk != null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String gitText(Repository repository, Path file, String commitId) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit;
            try {
                commit = walk.parseCommit(ObjectId.fromString(commitId));
            } catch (org.eclipse.jgit.errors.MissingObjectException | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
                throw new Refused("There is no version " + commitId.substring(0, 8) + " of " + display(file) + ".");
            }
            try (TreeWalk tree = TreeWalk.forPath(repository, repoPath(repository, file), commit.getTree())) {
                if (tree != null) {
                    return new String(repository.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
                }
            }
            Path former = formerPath(file);
            if (former != null) {
                try (TreeWalk tree = TreeWalk.forPath(repository, repoPath(repository, former), commit.getTree())) {
                    if (tree != null) {
                        // A version from before the page became a bundle: its text under its old name.
                        return new String(repository.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
            // The commit that removed the file: it had no text then.
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- kept versions ---

    private Path versionsOf(Path file) {
        return dataDir.resolve("versions").resolve(contentDir.relativize(file).toString());
    }

    private Version keep(Path file, String author, String message) {
        Path folder = versionsOf(file);
        Instant now = clock.instant();
        try {
            Files.createDirectories(folder);
            String id = uniqueStamp(folder, now, ".md");
            Files.copy(file, folder.resolve(id + ".md"), StandardCopyOption.REPLACE_EXISTING);
            Properties about = new Properties();
            about.setProperty("author", author);
            about.setProperty("message", message);
            about.setProperty("time", now.toString());
            writeProperties(folder.resolve(id + ".properties"), about);
            List<Version> versions = keptVersions(file);
            for (Version old : versions.subList(Math.min(KEPT, versions.size()), versions.size())) {
                Files.deleteIfExists(folder.resolve(old.id() + ".md"));
                Files.deleteIfExists(folder.resolve(old.id() + ".properties"));
            }
            return new Version(id, now, author, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Version> keptVersions(Path file) {
        Path folder = versionsOf(file);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Version> versions = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path copy : files.toList()) {
                String name = copy.getFileName().toString();
                if (!name.endsWith(".md") || !KEPT_ID.matcher(name.substring(0, name.length() - 3)).matches()) {
                    continue;
                }
                String id = name.substring(0, name.length() - 3);
                Properties about = readProperties(folder.resolve(id + ".properties"));
                Instant time = about.getProperty("time") == null ? Files.getLastModifiedTime(copy).toInstant() : Instant.parse(about.getProperty("time"));
                versions.add(new Version(id, time, about.getProperty("author", "unknown"), about.getProperty("message", "")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Ids are times to the millisecond (then a counter), so their order is the order of the saves.
        versions.sort(Comparator.comparing(ContentHistory::sortKey).reversed());
        return versions;
    }

    private static String sortKey(Version version) {
        int dash = version.id().indexOf('-');
        String counter = dash < 0 ? "0" : version.id().substring(dash + 1);
        return (dash < 0 ? version.id() : version.id().substring(0, dash)) + "-" + "0".repeat(4 - counter.length()) + counter;
    }

    private static String uniqueStamp(Path folder, Instant now, String suffix) {
        String base = STAMP.format(now);
        String id = base;
        for (int n = 1; Files.exists(folder.resolve(id + suffix)); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    // --- files ---

    private Path checked(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return resolve(display(absolute));
    }

    private Optional<Trashed> readTrashed(Path entry) {
        Path about = entry.resolve("trashed.properties");
        if (!Files.isRegularFile(about) || !KEPT_ID.matcher(entry.getFileName().toString()).matches()) {
            return Optional.empty();
        }
        Properties properties = readProperties(about);
        return Optional.of(new Trashed(entry.getFileName().toString(), displayPrefix + "/" + properties.getProperty("path"),
                properties.getProperty("who", "unknown"), Instant.parse(properties.getProperty("when", Instant.EPOCH.toString()))));
    }

    private static void writeAtomically(Path target, String text) {
        try {
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeProperties(Path file, Properties properties) throws IOException {
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, null);
        }
    }

    private static Properties readProperties(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shortOf(String id) {
        return id != null && GIT_ID.matcher(id).matches() ? id.substring(0, 8) : String.valueOf(id);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(120).forEach(c -> out.append(c < ' ' || c == 127 ? "?" : Character.toString(c)));
        return out.toString();
    }
}
