file(REMOVE_RECURSE
  "libcrm.a"
)
