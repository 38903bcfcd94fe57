CMakeFiles/crm-assistant.dir/apps/cli/main.cpp.o: \
 /work/main/apps/cli/main.cpp /usr/include/stdc-predef.h \
 /work/main/include/crm/cli/app.h
