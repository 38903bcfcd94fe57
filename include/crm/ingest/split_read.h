#pragma once
// Reading one large CSV file on two threads, one half each, with a result equal to one thread's: the
// halves' problems, counts and rows are joined as if one reader had read the whole file.

#include <atomic>
#include <cstdint>
#include <optional>
#include <thread>

#include "crm/common/pause_gate.h"
#include "crm/common/progress.h"
#include "crm/ingest/import_report.h"
#include "crm/ingest/problem_log.h"
#include "crm/ingest/table_reader.h"

namespace crm::ingest {

//! How far the reading of a file has come, over its two halves: the first half's thread draws the bar
//! from its own position and the bytes the second half's thread has read. Each thread's part is on its
//! own cache line, and positions are published every kRowsPerUpdate rows: the threads would otherwise
//! pass a cache line back and forth on every row.
struct ReadProgress {
  static constexpr uint64_t kRowsPerUpdate = 1024;
  //! The first half's thread's part.
  struct alignas(64) Head {
    ProgressBar* bar = nullptr;  //!< drawn by the first half's thread only
    uint64_t rows = 0;           //!< rows read by the first half
  } head;
  //! The second half's thread's part.
  struct alignas(64) Tail {
    std::atomic<uint64_t> bytes{0};  //!< bytes the second half has read, published by its thread
    uint64_t start = 0;              //!< where the second half begins
    uint64_t rows = 0;               //!< rows read by the second half
  } tail;

  //! Records that `reader`, of the second half when `is_tail`, has read one more row, up to its position.
  void Update(const TableReader& reader, bool is_tail) {
    if (is_tail) {
      if (++tail.rows % kRowsPerUpdate == 0)
        tail.bytes.store(reader.position() - tail.start, std::memory_order_relaxed);
    } else if (++head.rows % kRowsPerUpdate == 0) {
      head.bar->Update(reader.position() + tail.bytes.load(std::memory_order_relaxed));
    }
  }
};

//! Reads the rows of `reader` with `read(reader, log, progress, tail)`, which reads until the reader
//! stops or the log turns fatal. A file with at least `split_min_bytes` left is split near its middle
//! (TableReader::SplitTail): the second half is read on a second thread (`tail` true, its own reader and
//! log, lines from 0) while this thread reads the first. Then, if `joinable()`, `join(line_offset)` appends
//! the second half's rows to the first's (the halves' problems and counts are joined here); otherwise, or
//! when a quoted field spanned the split or the second half failed, `discard()` drops them and this thread
//! reads on to the end. `busy`, when given, is closed while both halves are being read, and opened as
//! soon as either is done: background work that waits at it (the import's file hashing) leaves both
//! cores to the two halves, and takes the one the first half to finish leaves.
template <typename Read, typename Joinable, typename Join, typename Discard>
void ReadInTwoHalves(TableReader& reader, ProblemLog& log, size_t split_min_bytes, ProgressBar& bar,
                     PauseGate* busy, Read read, Joinable joinable, Join join, Discard discard) {
  ReadProgress progress;
  progress.head.bar = &bar;
  ImportReport tail_report;
  ProblemLog tail_log(tail_report, log.strict());
  std::optional<TableReader> tail_reader = reader.SplitTail(tail_log, split_min_bytes);
  std::optional<GateClosed> both_halves;  // opened on every path out
  std::atomic<bool> a_half_done = false;  // the first half to finish opens the gate, alone
  const auto half_done = [&] {
    if (!a_half_done.exchange(true)) both_halves.reset();
  };
  std::jthread tail_thread;  // joined on every path out (before the gate opens)
  if (tail_reader) {
    both_halves.emplace(busy);
    progress.tail.start = tail_reader->position();
    tail_thread = std::jthread([&] {
      read(*tail_reader, tail_log, progress, true);
      half_done();
    });
  }
  read(reader, log, progress, false);
  if (!tail_reader) return;
  half_done();
  tail_thread.join();
  if (reader.StoppedAtSplit() && !tail_reader->error() && joinable()) {
    log.Absorb(tail_report, reader.line_at_split());
    reader.Absorb(*tail_reader);
    join(reader.line_at_split());
  } else {  // a quoted field spans the split (or the second half failed, or cannot be joined): read on alone
    discard();
    progress.tail.bytes = 0;
    reader.ContinueToEnd();
    read(reader, log, progress, false);
  }
}

//! Frees the memory `value` holds: assigning it a fresh value would not (a string keeps its buffer when
//! assigned an empty one).
template <typename T>
void Release(T& value) {
  T released = std::move(value);
  value = T();
}

}  // namespace crm::ingest
