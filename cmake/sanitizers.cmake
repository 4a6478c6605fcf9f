# ALLIANCE_SANITIZE builds everything with ASan + UBSan; any report aborts the
# process, so a memory error or undefined behaviour fails the test that hit it.
if(ALLIANCE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
