/*
 * sandbox-run — the one privileged helper of the InterviewSelect runner.
 *
 * It does, per run, the few things TypeScript cannot do exactly:
 *   - creates the run's cgroup (v1: memory, pids, cpuacct; v2: one directory)
 *     with memory (no swap) and pids limits, and joins the child to it;
 *   - becomes a child subreaper, so bwrap's namespace init is reaped here and
 *     not by host init seconds later (research/execution.md §4, hazard 1);
 *   - applies rlimits (CPU backstop, file size, open files, stack, no core);
 *   - drops to an unprivileged per-slot uid/gid (never host uid 0, hazard 2);
 *   - builds a seccomp deny-list with libseccomp and hands it to bwrap;
 *   - execs bwrap from an argv array (no shell), relays stdout/stderr with
 *     byte budgets, enforces the wall clock and the summed cgroup CPU time,
 *     kills the whole cgroup on any limit, reaps until the cgroup is empty,
 *     reads peak memory and the OOM counter, removes the cgroup;
 *   - writes one JSON result line to fd 3.
 *
 * The host never touches a path the sandbox could write: this program only
 * opens cgroup control files it created itself.
 *
 * Usage:
 *   sandbox-run --cgroup v1|v2 --run-id ID --uid N --gid N --memory BYTES
 *               --pids N --cpu-ms N --wall-ms N --fsize BYTES --nofile N
 *               --stack BYTES --stdout-max BYTES --stderr-max BYTES
 *               [--cgroup-parent NAME] [--cpu-quota-percent N]
 *               [--warm]
 *               -- /usr/bin/bwrap [bwrap args...]
 *   sandbox-run --probe     prints the detected cgroup version and exits.
 *
 * stdin is inherited by the sandboxed program; its stdout and stderr come out
 * on this program's stdout and stderr, cut at the budgets.
 *
 * --warm (ADR 0021): the sandbox's program is the warm stub (warm-stub.c),
 * which waits for one run. The stub's fd 0 is a pipe this helper feeds from
 * its own stdin, and its fd 3 a status pipe back: when the stub says it is
 * waiting, a {"ready":true} line goes to fd 3. The first byte on stdin is the
 * hand-over: the wall clock starts then and the CPU limit counts only CPU used
 * after it (the cgroup's usage is read at that moment). EOF on stdin before
 * any byte discards the sandbox (status "discarded"). One sandbox, one run.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <poll.h>
#include <seccomp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RESULT_FD 3
#define MAX_ARGS 512
#define CPU_CHECK_MS 20

enum cg_version { CG_V1 = 1, CG_V2 = 2 };

struct options {
  enum cg_version cg;
  const char *cg_parent;
  const char *run_id;
  long uid, gid;
  long long memory, fsize, stack, stdout_max, stderr_max;
  long pids, cpu_ms, wall_ms, nofile;
  long cpu_quota; /* percent of one core, 0 = unlimited */
  int warm;       /* the program is the warm stub: relay stdin, clocks start at the hand-over */
  char **bwrap_argv;
  int bwrap_argc;
};

/* v1 controller directories used per run; v2 uses only the first slot. */
static const char *const V1_CONTROLLERS[] = {"memory", "pids", "cpuacct", "cpu"};
#define V1_COUNT 3 /* "cpu" is joined only for a CPU quota, and only when not co-mounted with cpuacct */
static char cg_dirs[V1_COUNT + 1][PATH_MAX];
static int cg_dir_count = 0;

/* JSON-escapes a message (control characters become spaces) into out. */
static void json_escape(const char *msg, char *out, size_t size) {
  size_t j = 0;
  for (size_t i = 0; msg[i] && j < size - 3; i++) {
    char c = msg[i];
    if (c == '"' || c == '\\') out[j++] = '\\';
    out[j++] = ((unsigned char)c < 0x20) ? ' ' : c;
  }
  out[j] = 0;
}

static void die_internal(const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  char esc[1100];
  json_escape(msg, esc, sizeof esc);
  dprintf(RESULT_FD, "{\"status\":\"internal\",\"error\":\"%s\"}\n", esc);
  dprintf(STDERR_FILENO, "sandbox-run: %s\n", msg);
  for (int i = cg_dir_count - 1; i >= 0; i--) rmdir(cg_dirs[i]);
  exit(70);
}

static long long parse_num(const char *name, const char *value, long long min, long long max) {
  char *end = NULL;
  errno = 0;
  long long v = strtoll(value, &end, 10);
  if (errno || !end || *end || v < min || v > max)
    die_internal("%s must be an integer in [%lld, %lld], got \"%s\"", name, min, max, value);
  return v;
}

static int valid_name(const char *s) {
  size_t n = strlen(s);
  if (n == 0 || n > 64) return 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return 0;
  }
  return 1;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int write_file(const char *dir, const char *file, const char *value) {
  char path[PATH_MAX];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return -1;
  ssize_t len = (ssize_t)strlen(value);
  ssize_t w = write(fd, value, (size_t)len);
  int saved = errno;
  close(fd);
  errno = saved;
  return w == len ? 0 : -1;
}

static ssize_t read_file(const char *dir, const char *file, char *buf, size_t size) {
  char path[PATH_MAX];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return -1;
  ssize_t n = read(fd, buf, size - 1);
  close(fd);
  if (n < 0) return -1;
  buf[n] = 0;
  return n;
}

static long long read_ll(const char *dir, const char *file) {
  char buf[64];
  if (read_file(dir, file, buf, sizeof buf) < 0) return -1;
  return strtoll(buf, NULL, 10);
}

/* Value of "key N" in a flat keyed file (memory.events, pids.events, cpu.stat, memory.oom_control). */
static long long read_key(const char *dir, const char *file, const char *key) {
  char buf[4096];
  if (read_file(dir, file, buf, sizeof buf) < 0) return -1;
  size_t klen = strlen(key);
  for (char *line = buf; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
    if (strncmp(line, key, klen) == 0 && line[klen] == ' ') return strtoll(line + klen + 1, NULL, 10);
  }
  return -1;
}

/* The path of this process's own cgroup for one v1 controller ("" for v2). */
static void own_cgroup(const char *controller, char *out, size_t size) {
  FILE *f = fopen("/proc/self/cgroup", "re");
  if (!f) die_internal("cannot read /proc/self/cgroup: %s", strerror(errno));
  char line[1024];
  out[0] = 0;
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = 0;
    char *a = strchr(line, ':');
    if (!a) continue;
    char *b = strchr(a + 1, ':');
    if (!b) continue;
    *b = 0;
    const char *list = a + 1;
    const char *path = b + 1;
    int match = 0;
    if (controller == NULL) {
      match = (strcmp(line, "0") == 0 && *list == 0);
    } else {
      char copy[256];
      snprintf(copy, sizeof copy, "%s", list);
      for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ","))
        if (strcmp(tok, controller) == 0) match = 1;
    }
    if (match) {
      snprintf(out, size, "%s", strcmp(path, "/") == 0 ? "" : path);
      fclose(f);
      return;
    }
  }
  fclose(f);
}

static void make_dir(const char *path) {
  if (mkdir(path, 0700) != 0 && errno != EEXIST) die_internal("cannot create cgroup %s: %s", path, strerror(errno));
}

static void setup_cgroups(const struct options *o) {
  char own[PATH_MAX], parent[PATH_MAX], value[64];
  if (o->cg == CG_V1) {
    for (int i = 0; i < V1_COUNT; i++) {
      own_cgroup(V1_CONTROLLERS[i], own, sizeof own);
      snprintf(parent, sizeof parent, "/sys/fs/cgroup/%s%s/%s", V1_CONTROLLERS[i], own, o->cg_parent);
      make_dir(parent);
      snprintf(cg_dirs[i], sizeof cg_dirs[i], "%s/%s", parent, o->run_id);
      if (mkdir(cg_dirs[i], 0700) != 0) die_internal("cannot create cgroup %s: %s", cg_dirs[i], strerror(errno));
      cg_dir_count = i + 1;
    }
    snprintf(value, sizeof value, "%lld", o->memory);
    if (write_file(cg_dirs[0], "memory.limit_in_bytes", value) != 0)
      die_internal("cannot set memory.limit_in_bytes: %s", strerror(errno));
    /* Without swap accounting the file is absent; with it, forbid swap. */
    if (write_file(cg_dirs[0], "memory.memsw.limit_in_bytes", value) != 0 && errno != ENOENT)
      die_internal("cannot set memory.memsw.limit_in_bytes: %s", strerror(errno));
    write_file(cg_dirs[0], "memory.swappiness", "0");
    snprintf(value, sizeof value, "%ld", o->pids);
    if (write_file(cg_dirs[1], "pids.max", value) != 0) die_internal("cannot set pids.max: %s", strerror(errno));
    if (o->cpu_quota > 0) {
      const char *quota_dir = cg_dirs[2];
      char probe[PATH_MAX];
      snprintf(probe, sizeof probe, "%s/cpu.cfs_quota_us", cg_dirs[2]);
      if (access(probe, F_OK) != 0) { /* cpu not co-mounted with cpuacct: its own directory */
        own_cgroup("cpu", own, sizeof own);
        snprintf(parent, sizeof parent, "/sys/fs/cgroup/cpu%s/%s", own, o->cg_parent);
        make_dir(parent);
        snprintf(cg_dirs[3], sizeof cg_dirs[3], "%s/%s", parent, o->run_id);
        if (mkdir(cg_dirs[3], 0700) != 0) die_internal("cannot create cgroup %s: %s", cg_dirs[3], strerror(errno));
        cg_dir_count = 4;
        quota_dir = cg_dirs[3];
      }
      snprintf(value, sizeof value, "%ld", o->cpu_quota * 1000); /* period 100 ms */
      if (write_file(quota_dir, "cpu.cfs_period_us", "100000") != 0 || write_file(quota_dir, "cpu.cfs_quota_us", value) != 0)
        die_internal("cannot set the CPU quota: %s", strerror(errno));
    }
  } else {
    own_cgroup(NULL, own, sizeof own);
    if (o->cg_parent[0] == '/')
      snprintf(parent, sizeof parent, "/sys/fs/cgroup%s", o->cg_parent);
    else
      snprintf(parent, sizeof parent, "/sys/fs/cgroup%s/%s", own, o->cg_parent);
    make_dir(parent);
    if (write_file(parent, "cgroup.subtree_control", "+memory +pids +cpu") != 0)
      die_internal("cannot enable memory/pids/cpu controllers under %s (%s); give the runner a delegated cgroup "
                   "with RUNNER_CGROUP_PARENT",
                   parent, strerror(errno));
    snprintf(cg_dirs[0], sizeof cg_dirs[0], "%s/%s", parent, o->run_id);
    if (mkdir(cg_dirs[0], 0700) != 0) die_internal("cannot create cgroup %s: %s", cg_dirs[0], strerror(errno));
    cg_dir_count = 1;
    snprintf(value, sizeof value, "%lld", o->memory);
    if (write_file(cg_dirs[0], "memory.max", value) != 0) die_internal("cannot set memory.max: %s", strerror(errno));
    write_file(cg_dirs[0], "memory.swap.max", "0");
    snprintf(value, sizeof value, "%ld", o->pids);
    if (write_file(cg_dirs[0], "pids.max", value) != 0) die_internal("cannot set pids.max: %s", strerror(errno));
    if (o->cpu_quota > 0) {
      snprintf(value, sizeof value, "%ld 100000", o->cpu_quota * 1000);
      if (write_file(cg_dirs[0], "cpu.max", value) != 0) die_internal("cannot set cpu.max: %s", strerror(errno));
    }
  }
}

static const char *pids_dir(const struct options *o) { return o->cg == CG_V1 ? cg_dirs[1] : cg_dirs[0]; }

static long long cgroup_cpu_ns(const struct options *o) {
  if (o->cg == CG_V1) return read_ll(cg_dirs[2], "cpuacct.usage");
  long long usec = read_key(cg_dirs[0], "cpu.stat", "usage_usec");
  return usec < 0 ? -1 : usec * 1000;
}

/* SIGKILL every process of the run's cgroup; returns how many were signalled. */
static int kill_cgroup(const struct options *o) {
  if (o->cg == CG_V2 && write_file(cg_dirs[0], "cgroup.kill", "1") == 0) return 1;
  char buf[65536];
  if (read_file(pids_dir(o), "cgroup.procs", buf, sizeof buf) < 0) return 0;
  int n = 0;
  for (char *p = buf; *p;) {
    long pid = strtol(p, &p, 10);
    if (pid > 1) {
      kill((pid_t)pid, SIGKILL);
      n++;
    }
    while (*p == '\n') p++;
  }
  return n;
}

static int cgroup_empty(const struct options *o) {
  char buf[64];
  if (read_file(pids_dir(o), "cgroup.procs", buf, sizeof buf) < 0) return 1;
  return buf[0] == 0;
}

static int install_seccomp(void) {
  scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
  if (!ctx) die_internal("seccomp_init failed");
  /* Non-native architectures (x32, int 0x80) are killed: libseccomp's default bad-arch action. */
  static const char *const denied[] = {
      "keyctl", "add_key", "request_key", "io_uring_setup", "io_uring_enter", "io_uring_register", "bpf",
      "perf_event_open", "userfaultfd", "mount", "umount2", "pivot_root", "fsopen", "fsconfig", "fsmount", "fspick",
      "move_mount", "open_tree", "mount_setattr", "unshare", "setns", "init_module", "finit_module", "delete_module",
      "kexec_load", "kexec_file_load", "ptrace", "process_vm_readv", "process_vm_writev", "swapon", "swapoff",
      "reboot", "syslog", "acct", "quotactl", "open_by_handle_at", "name_to_handle_at", "lookup_dcookie",
      "settimeofday", "clock_settime", "clock_adjtime", "adjtimex", "vhangup", "pidfd_getfd", "kcmp"};
  for (size_t i = 0; i < sizeof denied / sizeof denied[0]; i++) {
    int nr = seccomp_syscall_resolve_name(denied[i]);
    if (nr == __NR_SCMP_ERROR) continue; /* not on this architecture */
    if (seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), nr, 0) != 0) die_internal("seccomp rule for %s", denied[i]);
  }
  /* clone3 cannot be filtered by flags; ENOSYS makes glibc fall back to clone. */
  if (seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0) != 0) die_internal("seccomp clone3");
  /* Sockets to the hypervisor (vsock) and raw packet sockets. */
  if (seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EAFNOSUPPORT), SCMP_SYS(socket), 1, SCMP_A0(SCMP_CMP_EQ, AF_VSOCK)) != 0 ||
      seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EAFNOSUPPORT), SCMP_SYS(socket), 1, SCMP_A0(SCMP_CMP_EQ, AF_PACKET)) != 0)
    die_internal("seccomp socket rules");
  /* Terminal input injection (CVE-2017-5226 class), belt and braces next to --new-session. */
  if (seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(ioctl), 1,
                       SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffffu, TIOCSTI)) != 0)
    die_internal("seccomp ioctl rule");
  int fd = memfd_create("seccomp-bpf", 0); /* inherited by bwrap on purpose */
  if (fd < 0) die_internal("memfd_create: %s", strerror(errno));
  if (seccomp_export_bpf(ctx, fd) != 0) die_internal("seccomp_export_bpf failed");
  seccomp_release(ctx);
  if (lseek(fd, 0, SEEK_SET) != 0) die_internal("lseek: %s", strerror(errno));
  return fd;
}

static void parse_options(int argc, char **argv, struct options *o) {
  memset(o, 0, sizeof *o);
  o->cg_parent = "isel-runner";
  o->uid = o->gid = -1;
  int i = 1;
  for (; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--") == 0) {
      i++;
      break;
    }
    if (strcmp(a, "--warm") == 0) {
      o->warm = 1;
      continue;
    }
    if (i + 1 >= argc) die_internal("option %s needs a value", a);
    const char *v = argv[++i];
    if (strcmp(a, "--cgroup") == 0) {
      if (strcmp(v, "v1") == 0) o->cg = CG_V1;
      else if (strcmp(v, "v2") == 0) o->cg = CG_V2;
      else die_internal("--cgroup must be v1 or v2");
    } else if (strcmp(a, "--cgroup-parent") == 0) {
      const char *check = v[0] == '/' ? v + 1 : v;
      for (const char *p = check; *p; p++)
        if (!(valid_name((char[]){*p, 0}) || *p == '/')) die_internal("--cgroup-parent has a bad character");
      if (strstr(v, "..") || !*check) die_internal("--cgroup-parent must be a plain path");
      o->cg_parent = v;
    } else if (strcmp(a, "--run-id") == 0) {
      if (!valid_name(v)) die_internal("--run-id must be 1-64 of [A-Za-z0-9_-]");
      o->run_id = v;
    } else if (strcmp(a, "--uid") == 0) o->uid = (long)parse_num(a, v, 1000, 4000000000LL);
    else if (strcmp(a, "--gid") == 0) o->gid = (long)parse_num(a, v, 1000, 4000000000LL);
    else if (strcmp(a, "--memory") == 0) o->memory = parse_num(a, v, 4LL << 20, 64LL << 30);
    else if (strcmp(a, "--pids") == 0) o->pids = (long)parse_num(a, v, 1, 100000);
    else if (strcmp(a, "--cpu-ms") == 0) o->cpu_ms = (long)parse_num(a, v, 1, 3600000);
    else if (strcmp(a, "--wall-ms") == 0) o->wall_ms = (long)parse_num(a, v, 1, 86400000);
    else if (strcmp(a, "--fsize") == 0) o->fsize = parse_num(a, v, 0, 64LL << 30);
    else if (strcmp(a, "--nofile") == 0) o->nofile = (long)parse_num(a, v, 16, 1 << 20);
    else if (strcmp(a, "--stack") == 0) o->stack = parse_num(a, v, 64 << 10, 4LL << 30);
    else if (strcmp(a, "--stdout-max") == 0) o->stdout_max = parse_num(a, v, 0, 1LL << 40);
    else if (strcmp(a, "--stderr-max") == 0) o->stderr_max = parse_num(a, v, 0, 1LL << 40);
    else if (strcmp(a, "--cpu-quota-percent") == 0) o->cpu_quota = (long)parse_num(a, v, 1, 6400);
    else die_internal("unknown option %s", a);
  }
  if (!o->cg || !o->run_id || o->uid < 0 || o->gid < 0 || !o->memory || !o->pids || !o->cpu_ms || !o->wall_ms ||
      !o->nofile || !o->stack)
    die_internal("missing a required option (see the usage in sandbox-run.c)");
  if (i >= argc) die_internal("missing -- /path/to/bwrap ...");
  if (argc - i + 4 > MAX_ARGS) die_internal("too many bwrap arguments");
  const char *exe = argv[i];
  size_t len = strlen(exe);
  if (exe[0] != '/' || len < 5 || strcmp(exe + len - 5, "bwrap") != 0)
    die_internal("the command must be an absolute path to bwrap");
  o->bwrap_argv = argv + i;
  o->bwrap_argc = argc - i;
}

static void set_limit(int resource, rlim_t value) {
  struct rlimit rl = {value, value};
  if (setrlimit(resource, &rl) != 0) _exit(71);
}

/* In the forked child: join the cgroup, limit, drop privileges, exec bwrap. Never returns. */
static void exec_child(const struct options *o, int out_w, int err_w, int seccomp_fd, int status_w, int ctl_r,
                       int stub_w) {
  char pid[32];
  snprintf(pid, sizeof pid, "%d", getpid());
  for (int i = 0; i < cg_dir_count; i++)
    if (write_file(cg_dirs[i], "cgroup.procs", pid) != 0) _exit(72);
  if (dup2(out_w, STDOUT_FILENO) < 0 || dup2(err_w, STDERR_FILENO) < 0) _exit(73);
  /* Warm: the stub reads the hand-over on fd 0 and reports on fd 3 (fd 3 is the result pipe's
   * number here, which the child never writes; seccomp_fd and status_w were opened after it). */
  if (o->warm && (dup2(ctl_r, STDIN_FILENO) < 0 || dup2(stub_w, RESULT_FD) < 0)) _exit(73);
  /* Close everything but stdio, the seccomp program and bwrap's status pipe. */
  int keep_lo = seccomp_fd < status_w ? seccomp_fd : status_w;
  int keep_hi = seccomp_fd < status_w ? status_w : seccomp_fd;
  unsigned first = o->warm ? 4 : 3;
  if ((unsigned)keep_lo > first) close_range(first, (unsigned)keep_lo - 1, 0);
  if (keep_hi > keep_lo + 1) close_range((unsigned)keep_lo + 1, (unsigned)keep_hi - 1, 0);
  close_range((unsigned)keep_hi + 1, ~0U, 0);
  set_limit(RLIMIT_CPU, (rlim_t)((o->cpu_ms + 999) / 1000 + 1));
  set_limit(RLIMIT_FSIZE, (rlim_t)o->fsize);
  set_limit(RLIMIT_NOFILE, (rlim_t)o->nofile);
  set_limit(RLIMIT_STACK, (rlim_t)o->stack);
  set_limit(RLIMIT_CORE, 0);
  if (setgroups(0, NULL) != 0 || setresgid((gid_t)o->gid, (gid_t)o->gid, (gid_t)o->gid) != 0 ||
      setresuid((uid_t)o->uid, (uid_t)o->uid, (uid_t)o->uid) != 0)
    _exit(74);
  if (getuid() == 0 || geteuid() == 0) _exit(74);
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) _exit(75);
  signal(SIGPIPE, SIG_DFL);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);

  char *args[MAX_ARGS];
  char seccomp_arg[16], status_arg[16];
  snprintf(seccomp_arg, sizeof seccomp_arg, "%d", seccomp_fd);
  snprintf(status_arg, sizeof status_arg, "%d", status_w);
  int n = 0;
  args[n++] = o->bwrap_argv[0];
  args[n++] = "--seccomp";
  args[n++] = seccomp_arg;
  args[n++] = "--json-status-fd";
  args[n++] = status_arg;
  for (int i = 1; i < o->bwrap_argc; i++) args[n++] = o->bwrap_argv[i];
  args[n] = NULL;
  char *empty_env[] = {NULL};
  execve(args[0], args, empty_env);
  _exit(76);
}

struct stream {
  int fd;
  int out;
  long long max, total;
  int open;
};

/* Reads what is available; forwards it within the budget. Returns 1 when the budget overflowed. */
static int pump(struct stream *s) {
  char buf[65536];
  ssize_t n = read(s->fd, buf, sizeof buf);
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return 0;
  if (n <= 0) {
    s->open = 0;
    close(s->fd);
    return 0;
  }
  long long room = s->max - s->total;
  long long keep = n < room ? n : (room > 0 ? room : 0);
  for (long long off = 0; off < keep;) {
    ssize_t w = write(s->out, buf + off, (size_t)(keep - off));
    if (w < 0) {
      if (errno == EINTR) continue;
      break; /* the reader went away; keep counting */
    }
    off += w;
  }
  s->total += n;
  return s->total > s->max;
}

/* Warm mode: the host's stdin relayed to the stub's hand-over pipe, and the stub's status pipe. */
struct warm {
  int in_fd;  /* our stdin (from the host), -1 once closed */
  int ctl_w;  /* the stub's fd 0, -1 once closed */
  int stub_r; /* the stub's fd 3, -1 once closed */
  char buf[65536];
  size_t len, off;
  int ready, handed, discarded;
  char error[300];
  size_t error_len;
};

static void close_fd(int *fd) {
  if (*fd >= 0) close(*fd);
  *fd = -1;
}

/* Reads the host's stdin; returns 1 on the first byte ever (the hand-over). */
static int warm_read_stdin(struct warm *w) {
  ssize_t n = read(w->in_fd, w->buf, sizeof w->buf);
  if (n < 0) return 0; /* EINTR/EAGAIN: poll again */
  if (n == 0) {
    close_fd(&w->in_fd);
    if (!w->handed) w->discarded = 1;
    close_fd(&w->ctl_w); /* nothing buffered: we only read when the buffer is empty */
    return 0;
  }
  w->len = (size_t)n;
  w->off = 0;
  if (w->handed) return 0;
  w->handed = 1;
  return 1;
}

static void warm_write_ctl(struct warm *w) {
  ssize_t n = write(w->ctl_w, w->buf + w->off, w->len - w->off);
  if (n < 0 && (errno == EAGAIN || errno == EINTR)) return;
  if (n < 0) { /* the program closed its stdin: stop relaying, the host sees EPIPE */
    close_fd(&w->ctl_w);
    close_fd(&w->in_fd);
    w->len = w->off = 0;
    return;
  }
  w->off += (size_t)n;
  if (w->off == w->len) w->len = w->off = 0;
}

static void warm_read_stub(struct warm *w) {
  char buf[256];
  ssize_t n = read(w->stub_r, buf, sizeof buf);
  if (n < 0 && (errno == EAGAIN || errno == EINTR)) return;
  if (n <= 0) {
    close_fd(&w->stub_r);
    return;
  }
  for (ssize_t i = 0; i < n; i++) {
    if (!w->ready && buf[i] == 'R') {
      w->ready = 1;
      dprintf(RESULT_FD, "{\"ready\":true}\n");
    } else if (w->error_len < sizeof w->error - 1) {
      w->error[w->error_len++] = buf[i];
      w->error[w->error_len] = 0;
    }
  }
}

int main(int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "--probe") == 0) {
    if (access("/sys/fs/cgroup/memory/memory.limit_in_bytes", F_OK) == 0 &&
        access("/sys/fs/cgroup/pids", F_OK) == 0 && access("/sys/fs/cgroup/cpuacct/cpuacct.usage", F_OK) == 0)
      puts("v1");
    else {
      char buf[512];
      if (read_file("/sys/fs/cgroup", "cgroup.controllers", buf, sizeof buf) > 0 && strstr(buf, "memory") &&
          strstr(buf, "pids"))
        puts("v2");
      else
        puts("none");
    }
    return 0;
  }
  if (fcntl(RESULT_FD, F_SETFD, FD_CLOEXEC) != 0) {
    fprintf(stderr, "sandbox-run: fd 3 must be open for the result\n");
    return 70;
  }
  struct options o;
  parse_options(argc, argv, &o);
  signal(SIGPIPE, SIG_IGN);
  if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0) die_internal("PR_SET_CHILD_SUBREAPER: %s", strerror(errno));
  setup_cgroups(&o);
  int seccomp_fd = install_seccomp();

  int out_p[2], err_p[2], status_p[2];
  if (pipe2(out_p, O_CLOEXEC) || pipe2(err_p, O_CLOEXEC) || pipe2(status_p, O_CLOEXEC))
    die_internal("pipe: %s", strerror(errno));
  /* bwrap writes its status to this end: it must survive exec. */
  fcntl(status_p[1], F_SETFD, 0);
  static struct warm w = {.in_fd = -1, .ctl_w = -1, .stub_r = -1};
  int ctl_p[2] = {-1, -1}, stub_p[2] = {-1, -1};
  if (o.warm) {
    if (pipe2(ctl_p, O_CLOEXEC) || pipe2(stub_p, O_CLOEXEC)) die_internal("pipe: %s", strerror(errno));
    fcntl(ctl_p[1], F_SETFL, O_NONBLOCK);
    w.in_fd = STDIN_FILENO;
    w.ctl_w = ctl_p[1];
    w.stub_r = stub_p[0];
  }

  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigaddset(&chld, SIGTERM);
  sigaddset(&chld, SIGINT);
  sigprocmask(SIG_BLOCK, &chld, NULL);
  int sfd = signalfd(-1, &chld, SFD_CLOEXEC | SFD_NONBLOCK);
  if (sfd < 0) die_internal("signalfd: %s", strerror(errno));

  double start = now_ms();
  pid_t child = fork();
  if (child < 0) die_internal("fork: %s", strerror(errno));
  if (child == 0) exec_child(&o, out_p[1], err_p[1], seccomp_fd, status_p[1], ctl_p[0], stub_p[1]);
  if (o.warm) {
    close(ctl_p[0]);
    close(stub_p[1]);
  }
  close(out_p[1]);
  close(err_p[1]);
  close(status_p[1]);
  close(seccomp_fd);

  struct stream out = {out_p[0], STDOUT_FILENO, o.stdout_max, 0, 1};
  struct stream err = {err_p[0], STDERR_FILENO, o.stderr_max, 0, 1};
  const char *limit = NULL; /* "wall", "cpu", "stdout", "stderr", "terminated" */
  int child_status = 0, child_done = 0;
  long long cpu_limit_ns = (long long)o.cpu_ms * 1000000LL;
  long long cpu_base = 0; /* warm: the cgroup's CPU usage at the hand-over (bwrap's and the stub's start-up) */

  while (!child_done || out.open || err.open) {
    int running = !o.warm || w.handed; /* a warm sandbox's clocks start at the hand-over */
    double elapsed = now_ms() - start;
    if (running && !limit && elapsed >= o.wall_ms) limit = "wall";
    if (running && !limit) {
      long long cpu = cgroup_cpu_ns(&o) - cpu_base;
      if (cpu > cpu_limit_ns) limit = "cpu";
    }
    if (w.discarded && !limit) limit = "discarded";
    if (limit) {
      kill(child, SIGKILL);
      kill_cgroup(&o);
    }
    struct pollfd fds[6];
    int nfds = 0;
    fds[nfds++] = (struct pollfd){.fd = sfd, .events = POLLIN};
    int out_idx = -1, err_idx = -1, in_idx = -1, ctl_idx = -1, stub_idx = -1;
    if (w.in_fd >= 0 && w.len == 0) {
      in_idx = nfds;
      fds[nfds++] = (struct pollfd){.fd = w.in_fd, .events = POLLIN};
    }
    if (w.ctl_w >= 0 && w.len > 0) {
      ctl_idx = nfds;
      fds[nfds++] = (struct pollfd){.fd = w.ctl_w, .events = POLLOUT};
    }
    if (w.stub_r >= 0) {
      stub_idx = nfds;
      fds[nfds++] = (struct pollfd){.fd = w.stub_r, .events = POLLIN};
    }
    if (out.open) {
      out_idx = nfds;
      fds[nfds++] = (struct pollfd){.fd = out.fd, .events = POLLIN};
    }
    if (err.open) {
      err_idx = nfds;
      fds[nfds++] = (struct pollfd){.fd = err.fd, .events = POLLIN};
    }
    int timeout = CPU_CHECK_MS;
    double left = o.wall_ms - elapsed;
    if (!limit && left < timeout) timeout = left < 1 ? 1 : (int)left;
    if (!running && !limit) timeout = -1; /* an idle warm sandbox costs no wake-ups */
    int r = poll(fds, (nfds_t)nfds, timeout);
    if (r < 0 && errno != EINTR) die_internal("poll: %s", strerror(errno));
    if (r > 0 && (fds[0].revents & POLLIN)) {
      struct signalfd_siginfo si;
      while (read(sfd, &si, sizeof si) == sizeof si) {
        if ((si.ssi_signo == SIGTERM || si.ssi_signo == SIGINT) && !limit) limit = "terminated";
      }
    }
    if (out_idx >= 0 && (fds[out_idx].revents & (POLLIN | POLLHUP | POLLERR)) && pump(&out) && !limit)
      limit = "stdout";
    if (err_idx >= 0 && (fds[err_idx].revents & (POLLIN | POLLHUP | POLLERR)) && pump(&err) && !limit)
      limit = "stderr";
    if (stub_idx >= 0 && (fds[stub_idx].revents & (POLLIN | POLLHUP | POLLERR))) warm_read_stub(&w);
    if (in_idx >= 0 && (fds[in_idx].revents & (POLLIN | POLLHUP | POLLERR)) && warm_read_stdin(&w)) {
      start = now_ms();
      cpu_base = cgroup_cpu_ns(&o);
      if (cpu_base < 0) cpu_base = 0;
    }
    if (ctl_idx >= 0 && (fds[ctl_idx].revents & (POLLOUT | POLLHUP | POLLERR))) warm_write_ctl(&w);
    if (w.in_fd < 0 && w.len == 0) close_fd(&w.ctl_w); /* all relayed: the program sees EOF */
    /* Reap whatever exited: bwrap, and anything re-parented to us. */
    for (;;) {
      int st;
      pid_t p = waitpid(-1, &st, WNOHANG);
      if (p <= 0) break;
      if (p == child) {
        child_status = st;
        child_done = 1;
      }
    }
    /* bwrap is gone but a pipe is still held open by something: kill the cgroup. */
    if (child_done && (out.open || err.open)) kill_cgroup(&o);
  }
  double wall = now_ms() - start;

  /* Reap until the cgroup is empty (hazard 1 of research/execution.md). */
  double reap_start = now_ms();
  for (int round = 0; !cgroup_empty(&o); round++) {
    kill_cgroup(&o);
    int st;
    while (waitpid(-1, &st, WNOHANG) > 0) {
    }
    if (round > 5000) die_internal("the run's cgroup did not empty within 5 s");
    struct timespec ts = {0, 1000000};
    nanosleep(&ts, NULL);
  }
  /* Exited tasks leave the cgroup before they are reaped: wait for every child
   * (bwrap's namespace init included) so none is left as a zombie for host init. */
  while (waitpid(-1, NULL, 0) > 0 || errno == EINTR) {
  }
  double reap = now_ms() - reap_start;

  long long cpu_ns = cgroup_cpu_ns(&o);
  if (cpu_ns >= 0) cpu_ns -= cpu_base;
  long long peak, oom;
  if (o.cg == CG_V1) {
    peak = read_ll(cg_dirs[0], "memory.max_usage_in_bytes");
    oom = read_key(cg_dirs[0], "memory.oom_control", "oom_kill");
  } else {
    peak = read_ll(cg_dirs[0], "memory.peak");
    oom = read_key(cg_dirs[0], "memory.events", "oom_kill");
  }
  long long pids_hit = read_key(pids_dir(&o), "pids.events", "max");

  /* bwrap's status: {"child-pid": N} once the sandbox exists, {"exit-code": N} when its program ended. */
  char status_buf[4096];
  ssize_t sn = read(status_p[0], status_buf, sizeof status_buf - 1);
  status_buf[sn > 0 ? sn : 0] = 0;
  const char *ec = strstr(status_buf, "\"exit-code\"");
  long exit_code = -1;
  if (ec) {
    ec = strchr(ec, ':');
    if (ec) exit_code = strtol(ec + 1, NULL, 10);
  }
  int started = strstr(status_buf, "\"child-pid\"") != NULL;

  for (int i = cg_dir_count - 1; i >= 0; i--) {
    for (int tries = 0; rmdir(cg_dirs[i]) != 0 && errno == EBUSY && tries < 100; tries++) {
      struct timespec ts = {0, 1000000};
      nanosleep(&ts, NULL);
    }
  }

  const char *status;
  if (limit && strcmp(limit, "terminated") == 0) status = "terminated";
  else if (limit && (strcmp(limit, "stdout") == 0 || strcmp(limit, "stderr") == 0)) status = "output-limit";
  else if (limit) status = "timeout";
  else if (exit_code >= 0) status = "exited";
  else if (!started || WIFEXITED(child_status)) status = "setup-failed";
  else status = "killed";
  if (oom > 0 && !(limit && (strcmp(limit, "stdout") == 0 || strcmp(limit, "stderr") == 0))) status = "oom";
  char error[700] = "";
  if (o.warm) {
    while (w.stub_r >= 0) warm_read_stub(&w); /* the stub's last words, if any */
    if (limit && strcmp(limit, "discarded") == 0) status = "discarded";
    else if (!w.handed) status = "setup-failed";
    else if (w.error_len > 0 && (w.error[0] == 'E' || w.error[0] == 'X')) {
      char esc[620];
      json_escape(w.error + 1, esc, sizeof esc);
      snprintf(error, sizeof error, ",\"error\":\"warm sandbox: %s\"", esc);
      status = "internal";
    }
  }

  dprintf(RESULT_FD,
          "{\"status\":\"%s\",\"limit\":%s%s%s,\"exitCode\":%ld,\"bwrapStatus\":%d,\"cpuMs\":%.3f,\"wallMs\":%.3f,"
          "\"memoryBytes\":%lld,\"oomKills\":%lld,\"pidsLimitHits\":%lld,\"stdoutBytes\":%lld,\"stderrBytes\":%lld,"
          "\"reapMs\":%.3f%s}\n",
          status, limit ? "\"" : "", limit ? limit : "null", limit ? "\"" : "", exit_code,
          WIFEXITED(child_status) ? WEXITSTATUS(child_status) : 128 + WTERMSIG(child_status),
          cpu_ns < 0 ? -1.0 : cpu_ns / 1e6, wall, peak, oom < 0 ? 0 : oom, pids_hit < 0 ? 0 : pids_hit, out.total,
          err.total, reap, error);
  return 0;
}
