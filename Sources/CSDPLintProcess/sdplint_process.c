// See sdplint_process.h. Everything a signal handler touches is set up before it can run.
#include "sdplint_process.h"

#include <limits.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

static char pending_file[PATH_MAX + 1];
static volatile sig_atomic_t has_pending_file = 0;
static const int termination_signals[] = {SIGINT, SIGTERM, SIGHUP};
#define TERMINATION_SIGNALS (sizeof termination_signals / sizeof termination_signals[0])

static void block_termination_signals(sigset_t *previous) {
    sigset_t blocked;
    sigemptyset(&blocked);
    for (size_t i = 0; i < TERMINATION_SIGNALS; i++) sigaddset(&blocked, termination_signals[i]);
    pthread_sigmask(SIG_BLOCK, &blocked, previous);
}

int sdplint_set_pending_file(const char *path) {
    sigset_t previous;
    int result = 0;
    block_termination_signals(&previous);
    has_pending_file = 0;
    if (path != NULL) {
        size_t length = strlen(path);
        if (length <= PATH_MAX) {
            memcpy(pending_file, path, length + 1);
            has_pending_file = 1;
        } else {
            result = -1;
        }
    }
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    return result;
}

static volatile sig_atomic_t listening = 0;
static volatile sig_atomic_t stop_requested = 0;

void sdplint_begin_listening(void) { listening = 1; }

int sdplint_stop_requested(void) { return stop_requested; }

// unlink, signal and raise are async-signal-safe (POSIX.1-2017 §2.4.3). While listening, the
// first SIGINT or SIGTERM asks the listener to stop, so that what it read is still reported.
static void end_by_signal(int number) {
    if (listening && !stop_requested && number != SIGHUP) {
        stop_requested = 1;
        return;
    }
    if (has_pending_file) unlink(pending_file);
    signal(number, SIG_DFL);
    raise(number);
}

void sdplint_handle_termination_signals(void) {
    sigset_t handled;
    sigemptyset(&handled);
    for (size_t i = 0; i < TERMINATION_SIGNALS; i++) sigaddset(&handled, termination_signals[i]);
    sigaddset(&handled, SIGPIPE);
    signal(SIGPIPE, SIG_DFL);
    for (size_t i = 0; i < TERMINATION_SIGNALS; i++) {
        struct sigaction current;
        if (sigaction(termination_signals[i], NULL, &current) == 0 && current.sa_handler == SIG_IGN) continue;
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = end_by_signal;
        sigemptyset(&action.sa_mask);
        sigaction(termination_signals[i], &action, NULL);
    }
    pthread_sigmask(SIG_UNBLOCK, &handled, NULL);
}

void sdplint_release_free_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}
