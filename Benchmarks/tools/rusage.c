// rusage OUT CMD [ARG...]: runs CMD (stdin, stdout and stderr inherited), waits for it with wait4 and
// writes "status user_s sys_s wall_s maxrss_kb" to OUT. Exits 0 when it could run CMD, 2 otherwise.
//
// Why not os.wait4 in the Python runner: on Linux a process's ru_maxrss starts at the RSS of the
// process that spawned it (exec keeps the old address space's high-water mark), so a child of the
// Python runner never reports less than the runner's own RSS. Spawned from this small C process, the
// floor is about 1 MB. Built by Benchmarks/run with the C compiler (cc -O2) rather than SwiftPM, which
// would link the Swift runtime and raise that floor to about 5 MB.
#define _GNU_SOURCE
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

static double seconds(struct timeval tv) { return (double)tv.tv_sec + (double)tv.tv_usec / 1e6; }

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: rusage OUT CMD [ARG...]\n");
        return 2;
    }
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid;
    int error = posix_spawnp(&pid, argv[2], NULL, NULL, &argv[2], environ);
    if (error != 0) {
        fprintf(stderr, "rusage: cannot run %s\n", argv[2]);
        return 2;
    }
    int status = 0;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) {
        perror("rusage: wait4");
        return 2;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double wall = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    FILE *out = fopen(argv[1], "w");
    if (!out) {
        perror("rusage: cannot write the result");
        return 2;
    }
    fprintf(out, "%d %.6f %.6f %.6f %ld\n", code, seconds(usage.ru_utime), seconds(usage.ru_stime), wall,
            usage.ru_maxrss);
    fclose(out);
    return 0;
}
