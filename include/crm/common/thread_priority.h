#pragma once
// Background work that should yield to the work a user waits for: a lower priority for one thread.

namespace crm {

//! Raises the calling thread's niceness by `steps`, to at most 19 (the lowest priority); threads it starts
//! afterwards inherit it, others keep theirs. Linux only, and advice only: nothing happens when refused.
void LowerThisThreadPriority(int steps);

}  // namespace crm
