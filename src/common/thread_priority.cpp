#include "crm/common/thread_priority.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace crm {

void LowerThisThreadPriority(int steps) {
  const auto thread = static_cast<id_t>(gettid());  // on Linux a thread id names that thread alone
  errno = 0;
  const int niceness = getpriority(PRIO_PROCESS, thread);
  if (errno != 0) return;  // -1 is a valid niceness: errno tells a failure apart
  setpriority(PRIO_PROCESS, thread, std::min(19, niceness + steps));
}

}  // namespace crm
