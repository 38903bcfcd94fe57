#pragma once
// The server's writer: while the configured writer waits on an LLM, the request's compute slot is lent
// to other requests, so that slow LLM answers do not hold the CPU cap.

#include "crm/llm/writing_task.h"
#include "work_slots.h"

namespace crm::server {

//! A TextWriter that writes with `inner`, lending the caller's compute slot meanwhile.
class LendingWriter : public llm::TextWriter {
 public:
  //! Both must outlive the writer.
  LendingWriter(const llm::TextWriter& inner, WorkSlots& slots) : inner_(inner), slots_(slots) {}

  //! The inner writer's name.
  std::string name() const override { return inner_.name(); }
  //! Writes with the inner writer while the caller's compute slot, if any, serves others.
  llm::WrittenText Write(const llm::WritingTask& task,
                         const llm::ChunkCallback& on_chunk = nullptr) const override {
    const WorkSlots::Lend lend(slots_);
    return inner_.Write(task, on_chunk);
  }

 private:
  const llm::TextWriter& inner_;
  WorkSlots& slots_;
};

}  // namespace crm::server
