/*
 * warm-stub — the program a warm sandbox starts with (ADR 0021).
 *
 * It runs inside a sandbox that is already complete: the helper made the
 * cgroup, applied the limits, dropped the uid and installed seccomp; bubblewrap
 * made the namespaces, the read-only root and the empty /box and /tmp tmpfs
 * mounts, and started this stub as the program, with the current directory
 * /box. It has no privilege the program will not have.
 *
 * It tells the helper it is waiting (byte 'R' on fd 3), then blocks reading
 * one hand-over message from fd 0, a pipe only the helper writes:
 *
 *   "ISW1"
 *   u32 file count, then per file: u16 name length, name, u32 mode, u32 size, bytes
 *   u32 argc,       then per argument: u32 length, bytes
 *   u32 envc,       then per variable: u32 length, "KEY=VALUE" bytes
 *   (all integers little-endian; everything after the message is the program's stdin)
 *
 * It writes the files into /box (plain names only: no '/', not "." or "..",
 * printable ASCII, created O_EXCL|O_NOFOLLOW, at most argv[1] bytes in all),
 * marks fd 3 close-on-exec and execs the program, whose stdin is the rest of
 * the pipe. Anything malformed: it reports "E<reason>" on fd 3 and exits, and
 * the helper reports an internal error; a failed exec reports "X<reason>".
 * It reads exactly the message's bytes, never more, so the stdin that follows
 * is untouched.
 *
 * Usage (inside the sandbox only): warm-stub MAX_FILE_BYTES
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define STATUS_FD 3
#define MAX_FILES 64
#define MAX_NAME 128
#define MAX_ARGS 256
#define MAX_ENV 64
#define MAX_STRING (64 * 1024)
#define MAX_STRINGS_TOTAL (1024 * 1024)

static void fail(char kind, const char *fmt, ...) __attribute__((noreturn, format(printf, 2, 3)));
static void fail(char kind, const char *fmt, ...) {
  char msg[300];
  msg[0] = kind;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg + 1, sizeof msg - 1, fmt, ap);
  va_end(ap);
  ssize_t ignored = write(STATUS_FD, msg, strlen(msg));
  (void)ignored;
  _exit(kind == 'X' ? 127 : 125);
}

/* Reads exactly n bytes from fd 0 (the hand-over pipe). */
static void read_exact(void *buf, size_t n, const char *what) {
  char *p = buf;
  while (n > 0) {
    ssize_t r = read(STDIN_FILENO, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) fail('E', "reading %s: %s", what, strerror(errno));
    if (r == 0) fail('E', "the hand-over message ended inside %s", what);
    p += r;
    n -= (size_t)r;
  }
}

static uint32_t read_u32(const char *what) {
  unsigned char b[4];
  read_exact(b, 4, what);
  return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static uint16_t read_u16(const char *what) {
  unsigned char b[2];
  read_exact(b, 2, what);
  return (uint16_t)(b[0] | b[1] << 8);
}

static size_t strings_total = 0;

/* A NUL-terminated copy of the next length-prefixed string (no NUL inside; may be empty). */
static char *read_string(const char *what) {
  uint32_t len = read_u32(what);
  if (len > MAX_STRING) fail('E', "%s has a bad length %u", what, len);
  strings_total += len;
  if (strings_total > MAX_STRINGS_TOTAL) fail('E', "arguments and environment exceed %d bytes", MAX_STRINGS_TOTAL);
  char *s = malloc((size_t)len + 1);
  if (!s) fail('E', "out of memory");
  read_exact(s, len, what);
  if (memchr(s, 0, len)) fail('E', "%s contains a NUL byte", what);
  s[len] = 0;
  return s;
}

static int valid_file_name(const char *s, size_t n) {
  if (n == 0 || n > MAX_NAME) return 0;
  if ((n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.')) return 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] == '/' || s[i] < 0x21 || s[i] > 0x7e) return 0;
  return 1;
}

static void write_file(int dir, long long *budget) {
  char name[MAX_NAME + 1];
  uint16_t len = read_u16("a file name length");
  if (len == 0 || len > MAX_NAME) fail('E', "a file name has a bad length %u", len);
  read_exact(name, len, "a file name");
  name[len] = 0;
  if (!valid_file_name(name, len)) fail('E', "refused file name (plain names only)");
  uint32_t mode = read_u32("a file mode");
  uint32_t size = read_u32("a file size");
  if ((long long)size > *budget) fail('E', "the files exceed the sandbox's file budget");
  *budget -= size;
  /* Read-only like the binds of a cold run; executable only if asked. */
  mode_t perm = (mode & 0111) ? 0555 : 0444;
  int fd = openat(dir, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) fail('E', "cannot create /box/%s: %s", name, strerror(errno));
  char buf[65536];
  while (size > 0) {
    size_t chunk = size < sizeof buf ? size : sizeof buf;
    read_exact(buf, chunk, "file data");
    for (size_t off = 0; off < chunk;) {
      ssize_t w = write(fd, buf + off, chunk - off);
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) fail('E', "cannot write /box/%s: %s", name, strerror(errno));
      off += (size_t)w;
    }
    size -= (uint32_t)chunk;
  }
  if (fchmod(fd, perm) != 0 || close(fd) != 0) fail('E', "cannot finish /box/%s: %s", name, strerror(errno));
}

int main(int argc, char **argv) {
  if (argc != 2) fail('E', "usage: warm-stub MAX_FILE_BYTES");
  char *end = NULL;
  long long budget = strtoll(argv[1], &end, 10);
  if (!end || *end || budget < 0) fail('E', "bad MAX_FILE_BYTES");
  /* A file over RLIMIT_FSIZE must fail the write, not kill the stub silently. */
  signal(SIGXFSZ, SIG_IGN);
  if (write(STATUS_FD, "R", 1) != 1) _exit(125);

  char magic[4];
  read_exact(magic, 4, "the magic");
  if (memcmp(magic, "ISW1", 4) != 0) fail('E', "not a hand-over message");
  int dir = open("/box", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (dir < 0) fail('E', "cannot open /box: %s", strerror(errno));
  uint32_t files = read_u32("the file count");
  if (files > MAX_FILES) fail('E', "too many files (%u)", files);
  for (uint32_t i = 0; i < files; i++) write_file(dir, &budget);
  close(dir);

  uint32_t nargs = read_u32("the argument count");
  if (nargs == 0 || nargs > MAX_ARGS) fail('E', "bad argument count %u", nargs);
  char **args = calloc((size_t)nargs + 1, sizeof *args);
  if (!args) fail('E', "out of memory");
  for (uint32_t i = 0; i < nargs; i++) args[i] = read_string("an argument");
  uint32_t nenv = read_u32("the environment count");
  if (nenv > MAX_ENV) fail('E', "bad environment count %u", nenv);
  char **env = calloc((size_t)nenv + 1, sizeof *env);
  if (!env) fail('E', "out of memory");
  for (uint32_t i = 0; i < nenv; i++) {
    env[i] = read_string("an environment variable");
    if (!strchr(env[i], '=') || env[i][0] == '=') fail('E', "an environment entry is not KEY=VALUE");
  }

  signal(SIGXFSZ, SIG_DFL); /* ignored dispositions survive exec: restore it */
  if (fcntl(STATUS_FD, F_SETFD, FD_CLOEXEC) != 0) fail('E', "fcntl: %s", strerror(errno));
  /* Like bubblewrap's own execvp: PATH comes from the program's environment. */
  environ = env;
  execvp(args[0], args);
  fail('X', "cannot execute %s: %s", args[0], strerror(errno));
}
