#pragma once

// A std::thread that keeps what its body throws (an allocation that failed, say) and throws it again
// from join() on the joining thread, where the caller turns it into a message. A plain std::thread ends
// the whole process (std::terminate) instead. The destructor joins a thread nobody joined, so a worker
// is never left running while the caller unwinds.

#include <exception>
#include <functional>
#include <memory>
#include <thread>
#include <utility>

namespace fl {

class Worker
{
public:
    template<typename Fn, typename... Args>
    explicit Worker(Fn &&fn, Args &&...args)
        : m_error(std::make_shared<std::exception_ptr>())
        , m_thread(
              [error = m_error](auto &&body, auto &&...arguments) {
                  try {
                      std::invoke(body, arguments...);
                  } catch (...) {
                      *error = std::current_exception();
                  }
              },
              std::forward<Fn>(fn), std::forward<Args>(args)...)
    {
    }
    Worker(Worker &&) = default;
    Worker &operator=(Worker &&) = delete;
    ~Worker()
    {
        if (m_thread.joinable())
            m_thread.join();
    }

    // Waits for the body, then throws what it threw.
    void join()
    {
        m_thread.join();
        if (*m_error)
            std::rethrow_exception(std::exchange(*m_error, nullptr));
    }

private:
    std::shared_ptr<std::exception_ptr> m_error;
    std::thread m_thread;
};

} // namespace fl
