#pragma once

// Background work a little below the UI thread: the calling thread (and the threads it starts, which
// inherit the nice value) at nice +5, like the session's engine thread, so that when they share a core
// the window's events go first. QThread::setPriority() has no effect under Linux's default scheduler,
// and its idle priority would starve a worker that holds a lock the UI thread needs (freeing memory
// holds the process's memory-map lock).

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace fl {

inline void lowerThreadPriority()
{
#ifdef Q_OS_LINUX
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), 5);
#endif
}

} // namespace fl
