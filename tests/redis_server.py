"""A throwaway redis-server for one test, on a unix socket: started, stopped mid-run, removed."""
import os
import shutil
import subprocess
import tempfile
import time

import pytest

REDIS_SERVER = os.environ.get("REDIS_SERVER", "/usr/bin/redis-server")


class RedisServer:
    def __init__(self):
        if not shutil.which(REDIS_SERVER):
            pytest.fail(f"redis-server is missing at {REDIS_SERVER}; `make test` installs it with apt-get.")
        self.folder = tempfile.mkdtemp(prefix="pestgesprek-redis-")
        self.socket = os.path.join(self.folder, "redis.sock")
        self.url = f"unix://{self.socket}"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # nosec B603 # a fixed program with fixed arguments
            [REDIS_SERVER, "--port", "0", "--unixsocket", self.socket, "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        give_up = time.monotonic() + 10
        while not os.path.exists(self.socket):
            if time.monotonic() > give_up:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.02)
        return self

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None

    def remove(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def redis_caches(url):
    cache = {"BACKEND": "pestgesprek.cache.FailOpenRedisCache", "LOCATION": url, "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}
    return {"default": {**cache, "KEY_PREFIX": "t"}, "documents": {**cache, "KEY_PREFIX": "t-documents"}}
