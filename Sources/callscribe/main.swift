import ArgumentParser
import Hummingbird
import GRDB
import AsyncHTTPClient
import Crypto
print("hi")
