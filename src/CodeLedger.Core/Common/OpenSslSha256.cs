using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace CodeLedger.Core.Common;

/// <summary>
/// SHA-256 through OpenSSL's low-level <c>SHA256_Init</c>, <c>SHA256_Update</c> and <c>SHA256_Final</c>, on
/// Linux where .NET itself hashes through that library. .NET's own entry points go through its EVP
/// shim, which clears OpenSSL's error queue and takes a safe handle on every call: for a message of a
/// few hundred bytes that costs twice the compression (0.77–0.97 µs a digest against 0.27 µs here, with
/// the same SHA extensions doing the work, docs/PERFORMANCE.md), and replay verification digests
/// every event and every row of both sides. The low-level functions compute the same standard digest;
/// a self-test against .NET's SHA-256 and HMAC decides at start whether they are used at all, and
/// anywhere they are missing or differ the callers use .NET's (<see cref="ThreadSha256"/>,
/// <see cref="HmacSha256"/>).
/// </summary>
internal static unsafe class OpenSslSha256
{
    /// <summary>Room for OpenSSL's <c>SHA256_CTX</c> (112 bytes in 1.1 and 3.x), with margin.</summary>
    private const int ContextBytes = 256;

    private static readonly delegate* unmanaged<void*, int> Init;
    private static readonly delegate* unmanaged<void*, void*, nuint, int> Update;
    private static readonly delegate* unmanaged<byte*, void*, int> Final;

    static OpenSslSha256()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        foreach (var name in new[] { "libcrypto.so.3", "libcrypto.so.1.1" })
        {
            if (NativeLibrary.TryLoad(name, out var library)
                && NativeLibrary.TryGetExport(library, "SHA256_Init", out var init)
                && NativeLibrary.TryGetExport(library, "SHA256_Update", out var update)
                && NativeLibrary.TryGetExport(library, "SHA256_Final", out var final))
            {
                Init = (delegate* unmanaged<void*, int>)init;
                Update = (delegate* unmanaged<void*, void*, nuint, int>)update;
                Final = (delegate* unmanaged<byte*, void*, int>)final;
                IsAvailable = SelfTest();
                return;
            }
        }
    }

    /// <summary>Whether the library was found and its digests equal .NET's on the self-test's messages.</summary>
    public static bool IsAvailable { get; }

    /// <summary>
    /// The digests of messages of every length from 0 to 200 bytes and of 10,000 bytes (one and many
    /// blocks, every padding case), plain and keyed, compared with .NET's own.
    /// </summary>
    private static bool SelfTest()
    {
        try
        {
            var message = new byte[10_000];
            for (var i = 0; i < message.Length; i++)
            {
                message[i] = unchecked((byte)((i * 31) + 7));
            }

            using var context = new Context();
            using var hmac = new NativeHmac(message.AsSpan(0, 100));
            Span<byte> ours = stackalloc byte[SHA256.HashSizeInBytes];
            Span<byte> theirs = stackalloc byte[SHA256.HashSizeInBytes];
            foreach (var length in Enumerable.Range(0, 201).Append(message.Length))
            {
                var m = message.AsSpan(0, length);
                context.Hash(m, ours);
                SHA256.HashData(m, theirs);
                if (!ours.SequenceEqual(theirs))
                {
                    return false;
                }

                hmac.Hash(m, ours);
                HMACSHA256.HashData(message.AsSpan(0, 100), m, theirs);
                if (!ours.SequenceEqual(theirs))
                {
                    return false;
                }
            }

            return true;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// One <c>SHA256_CTX</c> in native memory, for one thread at a time. Freed by its finalizer when a
    /// thread that kept one in a thread-static field ends, or by <see cref="Dispose"/>.
    /// </summary>
    internal sealed class Context : IDisposable
    {
        private void* _state = NativeMemory.AlignedAlloc(ContextBytes, 64);

        ~Context() => Free();

        /// <summary>The SHA-256 of <paramref name="message"/> into the first 32 bytes of <paramref name="digest"/>.</summary>
        public void Hash(ReadOnlySpan<byte> message, Span<byte> digest)
        {
            Start();
            Append(message);
            Finish(digest);
        }

        // Each call keeps this object alive until the native call has returned: its finalizer frees the state.
        public void Start()
        {
            Check(Init(State));
            GC.KeepAlive(this);
        }

        public void Append(ReadOnlySpan<byte> data)
        {
            fixed (byte* bytes = data)
            {
                Check(Update(State, bytes, (nuint)data.Length));
            }

            GC.KeepAlive(this);
        }

        public void Finish(Span<byte> digest)
        {
            if (digest.Length < SHA256.HashSizeInBytes)
            {
                throw new ArgumentException("the digest needs 32 bytes", nameof(digest));
            }

            fixed (byte* bytes = digest)
            {
                Check(Final(bytes, State));
            }

            GC.KeepAlive(this);
        }

        /// <summary>Continues from where <paramref name="other"/> stands (a plain struct: its bytes are its state).</summary>
        public void CopyFrom(Context other)
        {
            NativeMemory.Copy(other.State, State, ContextBytes);
            GC.KeepAlive(other);
        }

        public void Dispose()
        {
            Free();
            GC.SuppressFinalize(this);
        }

        private void* State => _state is not null ? _state : throw new ObjectDisposedException(nameof(Context));

        private void Free()
        {
            if (_state is not null)
            {
                // An HMAC's states are derived from its key.
                NativeMemory.Clear(_state, ContextBytes);
                NativeMemory.AlignedFree(_state);
                _state = null;
            }
        }

        private static void Check(int result)
        {
            // The low-level functions return 1, or 0 on a null argument; neither side of this class passes one.
            if (result != 1)
            {
                throw new InvalidOperationException("OpenSSL's SHA-256 refused a call");
            }
        }
    }

    /// <summary>
    /// HMAC-SHA256 (RFC 2104) with one key over many messages: the key's inner and outer blocks are
    /// absorbed once, and each message continues from copies of those two states.
    /// </summary>
    internal sealed class NativeHmac : IDisposable
    {
        private const int BlockBytes = 64;
        private readonly Context _inner = new();
        private readonly Context _outer = new();
        private readonly Context _work = new();

        public NativeHmac(ReadOnlySpan<byte> key)
        {
            Span<byte> block = stackalloc byte[BlockBytes];
            block.Clear();
            if (key.Length > BlockBytes)
            {
                _work.Hash(key, block);
            }
            else
            {
                key.CopyTo(block);
            }

            Span<byte> pad = stackalloc byte[BlockBytes];
            Absorb(_inner, block, pad, 0x36);
            Absorb(_outer, block, pad, 0x5c);
            CryptographicOperations.ZeroMemory(block);
            CryptographicOperations.ZeroMemory(pad);
        }

        public void Hash(ReadOnlySpan<byte> message, Span<byte> digest)
        {
            Span<byte> inner = stackalloc byte[SHA256.HashSizeInBytes];
            _work.CopyFrom(_inner);
            _work.Append(message);
            _work.Finish(inner);
            _work.CopyFrom(_outer);
            _work.Append(inner);
            _work.Finish(digest);
        }

        public void Dispose()
        {
            _inner.Dispose();
            _outer.Dispose();
            _work.Dispose();
        }

        private static void Absorb(Context context, ReadOnlySpan<byte> block, Span<byte> pad, byte with)
        {
            for (var i = 0; i < BlockBytes; i++)
            {
                pad[i] = (byte)(block[i] ^ with);
            }

            context.Start();
            context.Append(pad);
        }
    }
}
