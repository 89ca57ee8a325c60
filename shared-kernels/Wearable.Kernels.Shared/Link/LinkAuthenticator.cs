using System;
using Wearable.Kernels.Crypto;

namespace Wearable.Kernels.Link
{
    /// <summary>
    /// The proofs of the pairing/authentication exchange (docs/protocol.md, "Pairing and authentication"),
    /// in one place so device and host cannot disagree about what is MACed in which order:
    /// host proof   = HMAC-SHA256(secret, DeviceNonce | HostNonce | HostId),
    /// device proof = HMAC-SHA256(secret, HostNonce | DeviceNonce | DeviceId).
    /// The orders differ so a device proof can never be reflected back as a host proof. Allocation-free after
    /// construction; not thread-safe.
    /// </summary>
    public sealed class LinkAuthenticator
    {
        /// <summary>Host id length.</summary>
        public const int HostIdLength = 16;

        /// <summary>Device id length.</summary>
        public const int DeviceIdLength = 16;

        /// <summary>Shared secret (HMAC key) length.</summary>
        public const int SecretLength = 32;

        /// <summary>Nonce length, each side.</summary>
        public const int NonceLength = 16;

        /// <summary>Proof (MAC) length.</summary>
        public const int ProofLength = HmacSha256.MacLength;

        private readonly HmacSha256 _hmac = new HmacSha256();
        private readonly byte[] _expected = new byte[ProofLength];

        /// <summary>Writes the host proof to <paramref name="output"/> at <paramref name="outputOffset"/>.</summary>
        public void ComputeHostProof(
            byte[] secret, byte[] deviceNonce, byte[] hostNonce, byte[] hostId, byte[] output, int outputOffset)
        {
            Mac(secret, deviceNonce, NonceLength, hostNonce, NonceLength, hostId, HostIdLength, output, outputOffset);
        }

        /// <summary>Writes the device proof to <paramref name="output"/> at <paramref name="outputOffset"/>.</summary>
        public void ComputeDeviceProof(
            byte[] secret, byte[] hostNonce, byte[] deviceNonce, byte[] deviceId, byte[] output, int outputOffset)
        {
            Mac(secret, hostNonce, NonceLength, deviceNonce, NonceLength, deviceId, DeviceIdLength, output, outputOffset);
        }

        /// <summary>Device side: checks a received host proof in constant time.</summary>
        public bool VerifyHostProof(
            byte[] secret, byte[] deviceNonce, byte[] hostNonce, byte[] hostId, byte[] proof, int proofOffset)
        {
            ComputeHostProof(secret, deviceNonce, hostNonce, hostId, _expected, 0);
            bool ok = FixedTime.AreEqual(_expected, 0, proof, proofOffset, ProofLength);
            Array.Clear(_expected, 0, ProofLength);
            return ok;
        }

        /// <summary>Host side: checks the device proof in an AuthResult, in constant time.</summary>
        public bool VerifyDeviceProof(
            byte[] secret, byte[] hostNonce, byte[] deviceNonce, byte[] deviceId, byte[] proof, int proofOffset)
        {
            ComputeDeviceProof(secret, hostNonce, deviceNonce, deviceId, _expected, 0);
            bool ok = FixedTime.AreEqual(_expected, 0, proof, proofOffset, ProofLength);
            Array.Clear(_expected, 0, ProofLength);
            return ok;
        }

        private void Mac(
            byte[] secret,
            byte[] first,
            int firstLength,
            byte[] second,
            int secondLength,
            byte[] third,
            int thirdLength,
            byte[] output,
            int outputOffset)
        {
            Require(secret, SecretLength, "secret");
            Require(first, firstLength, "nonce");
            Require(second, secondLength, "nonce");
            Require(third, thirdLength, "id");
            _hmac.SetKey(secret, 0, SecretLength);
            _hmac.Update(first, 0, firstLength);
            _hmac.Update(second, 0, secondLength);
            _hmac.Update(third, 0, thirdLength);
            _hmac.Final(output, outputOffset);
            _hmac.Clear();
        }

        private static void Require(byte[] field, int length, string name)
        {
            if (field == null || field.Length < length)
            {
                throw new ArgumentException(name + " must be at least " + length.ToString() + " bytes.");
            }
        }
    }
}
