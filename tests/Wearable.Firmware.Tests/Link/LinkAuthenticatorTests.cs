using System.Security.Cryptography;
using Wearable.Kernels.Link;
using Wearable.TestSupport;

namespace Wearable.Firmware.Tests.Link;

public class LinkAuthenticatorTests
{
    private readonly byte[] _secret = RandomBytes(32, 1);
    private readonly byte[] _hostId = RandomBytes(16, 2);
    private readonly byte[] _deviceId = RandomBytes(16, 3);
    private readonly byte[] _deviceNonce = RandomBytes(16, 4);
    private readonly byte[] _hostNonce = RandomBytes(16, 5);
    private readonly LinkAuthenticator _auth = new();

    [Fact]
    public void HostProofIsHmacOfDeviceNonceHostNonceHostId()
    {
        byte[] proof = new byte[32];
        _auth.ComputeHostProof(_secret, _deviceNonce, _hostNonce, _hostId, proof, 0);
        byte[] expected = HMACSHA256.HashData(_secret, _deviceNonce.Concat(_hostNonce).Concat(_hostId).ToArray());
        Assert.Equal(expected, proof);
        Assert.True(_auth.VerifyHostProof(_secret, _deviceNonce, _hostNonce, _hostId, proof, 0));
    }

    [Fact]
    public void DeviceProofIsHmacOfHostNonceDeviceNonceDeviceId()
    {
        byte[] proof = new byte[40];
        _auth.ComputeDeviceProof(_secret, _hostNonce, _deviceNonce, _deviceId, proof, 8);
        byte[] expected = HMACSHA256.HashData(_secret, _hostNonce.Concat(_deviceNonce).Concat(_deviceId).ToArray());
        Assert.Equal(expected, proof.AsSpan(8).ToArray());
        Assert.True(_auth.VerifyDeviceProof(_secret, _hostNonce, _deviceNonce, _deviceId, proof, 8));
    }

    [Fact]
    public void AResponseToAnOldChallengeDoesNotVerifyAgainstANewOne()
    {
        byte[] proof = new byte[32];
        _auth.ComputeHostProof(_secret, _deviceNonce, _hostNonce, _hostId, proof, 0);
        byte[] freshNonce = RandomBytes(16, 99);
        Assert.False(_auth.VerifyHostProof(_secret, freshNonce, _hostNonce, _hostId, proof, 0));
    }

    [Fact]
    public void WrongSecretOrTamperedProofFails()
    {
        byte[] proof = new byte[32];
        _auth.ComputeHostProof(_secret, _deviceNonce, _hostNonce, _hostId, proof, 0);
        Assert.False(_auth.VerifyHostProof(RandomBytes(32, 7), _deviceNonce, _hostNonce, _hostId, proof, 0));
        proof[31] ^= 1;
        Assert.False(_auth.VerifyHostProof(_secret, _deviceNonce, _hostNonce, _hostId, proof, 0));
    }

    [Fact]
    public void ADeviceProofCannotBeReflectedAsAHostProof()
    {
        // Same ids on both sides is the worst case for reflection; the field order still separates the proofs.
        byte[] deviceProof = new byte[32];
        _auth.ComputeDeviceProof(_secret, _hostNonce, _deviceNonce, _hostId, deviceProof, 0);
        Assert.False(_auth.VerifyHostProof(_secret, _deviceNonce, _hostNonce, _hostId, deviceProof, 0));
    }

    [Fact]
    public void VerificationAllocatesNothing()
    {
        byte[] proof = new byte[32];
        _auth.ComputeHostProof(_secret, _deviceNonce, _hostNonce, _hostId, proof, 0);
        AllocationAssert.ZeroBytes(
            () => _auth.VerifyHostProof(_secret, _deviceNonce, _hostNonce, _hostId, proof, 0),
            what: "LinkAuthenticator.VerifyHostProof");
    }

    [Fact]
    public void ShortKeyMaterialIsRefused()
    {
        Assert.Throws<ArgumentException>(
            () => _auth.ComputeHostProof(new byte[31], _deviceNonce, _hostNonce, _hostId, new byte[32], 0));
    }

    private static byte[] RandomBytes(int n, int seed)
    {
        byte[] b = new byte[n];
        new Random(seed).NextBytes(b);
        return b;
    }
}
