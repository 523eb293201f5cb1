// The only C the project has: what Swift cannot import from ncursesw by itself
// (macros, concurrency-unsafe globals) and the crash guard, which must be async-signal-safe.
// See ../../../shared/notes/terminal.md.
#ifndef ASLDB_CCURSES_SHIM_H
#define ASLDB_CCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#else
#include <curses.h>
#include <term.h>
#endif

// wcwidth is hidden from Swift's Glibc module.
int wcwidth(wchar_t c);

// Globals Swift 6 rejects as not concurrency-safe, behind functions.
static inline WINDOW *asldb_stdscr(void) { return stdscr; }
static inline int asldb_colors(void) { return COLORS; }
static inline int asldb_color_pairs(void) { return COLOR_PAIRS; }
static inline SCREEN *asldb_newterm(const char *term) { return newterm(term, stdout, stdin); }
static inline void asldb_flush_stdout(void) { fflush(stdout); }

// Attribute and mouse macros.
static inline attr_t asldb_a_bold(void) { return A_BOLD; }
static inline attr_t asldb_a_dim(void) { return A_DIM; }
static inline attr_t asldb_a_italic(void) { return A_ITALIC; }
static inline attr_t asldb_a_underline(void) { return A_UNDERLINE; }
static inline attr_t asldb_a_reverse(void) { return A_REVERSE; }
static inline mmask_t asldb_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t asldb_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t asldb_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t asldb_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline int asldb_key_f(int n) { return KEY_F(n); }

// tigetstr returns NULL when absent and (char *)-1 when the name is not a string capability.
static inline int asldb_has_string_capability(const char *name) {
    const char *value = tigetstr(name);
    return value != NULL && value != (const char *)-1 && value[0] != '\0';
}

// Crash guard: if the process dies (a Swift trap, a fault) or exits while the screen is taken,
// put the tty back using only async-signal-safe calls. The state lives in a function-local
// static because Swift's importer emits inline functions but not file-level statics.
struct asldb_guard_state {
    struct termios termios;
    char reset[512];
    size_t reset_length;
    volatile sig_atomic_t armed;
    int installed;
    struct sigaction previous[6];
};

static inline struct asldb_guard_state *asldb_guard(void) {
    static struct asldb_guard_state state;
    return &state;
}

static inline int asldb_guard_signal(unsigned index) {
    switch (index) {
    case 0: return SIGSEGV;
    case 1: return SIGBUS;
    case 2: return SIGILL;
    case 3: return SIGFPE;
    case 4: return SIGABRT;
    default: return SIGTRAP;
    }
}

static inline void asldb_guard_restore(void) {
    struct asldb_guard_state *guard = asldb_guard();
    if (!guard->armed) return;
    guard->armed = 0;
    ssize_t ignored = write(STDOUT_FILENO, guard->reset, guard->reset_length);
    (void)ignored;
    tcsetattr(STDIN_FILENO, TCSANOW, &guard->termios);
}

// Restores the tty, then hands the signal to whoever handled it before (the Swift runtime's
// backtracer, or the default action) so crash reports still appear.
static inline void asldb_guard_on_fatal_signal(int sig) {
    asldb_guard_restore();
    for (unsigned i = 0; i < 6; i++) {
        if (asldb_guard_signal(i) == sig) sigaction(sig, &asldb_guard()->previous[i], NULL);
    }
    raise(sig);
}

static inline void asldb_guard_at_exit(void) { asldb_guard_restore(); }

// Saves the tty state before curses changes it; call before newterm.
static inline void asldb_guard_save_tty(void) { tcgetattr(STDIN_FILENO, &asldb_guard()->termios); }

// Arms the guard with the bytes that undo the screen set-up (leave the alternate screen,
// show the cursor, reset colours, stop mouse reports).
static inline void asldb_guard_arm(const char *reset) {
    struct asldb_guard_state *guard = asldb_guard();
    size_t length = strlen(reset);
    if (length >= sizeof guard->reset) length = sizeof guard->reset - 1;
    memcpy(guard->reset, reset, length);
    guard->reset_length = length;
    guard->armed = 1;
    if (guard->installed) return;
    guard->installed = 1;
    atexit(asldb_guard_at_exit);
    for (unsigned i = 0; i < 6; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = asldb_guard_on_fatal_signal;
        sigemptyset(&action.sa_mask);
        sigaction(asldb_guard_signal(i), &action, &guard->previous[i]);
    }
}

static inline void asldb_guard_disarm(void) { asldb_guard()->armed = 0; }

#endif
