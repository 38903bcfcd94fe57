#include "crm/search/embedder.h"

namespace crm::search {

void Embedder::EmbedBatch(std::span<const std::string_view> texts, std::span<float> out) const {
  const size_t width = dimension();
  for (size_t i = 0; i < texts.size(); ++i) Embed(texts[i], out.subspan(i * width, width));
}

}  // namespace crm::search
