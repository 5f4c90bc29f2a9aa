using System.Security.Cryptography;
using System.Text;

namespace Posta.Sasl.Tests;

/// <summary>The client's arithmetic of RFC 5802 §3, to make proofs for messages the tests build.</summary>
internal static class ScramTestClient
{
    /// <summary>The client-final message for <paramref name="withoutProof"/>, and the server signature to expect.</summary>
    public static (string ClientFinal, string ServerFinal) Finish(string password, string clientFirstBare, string serverFirst, string withoutProof)
    {
        var fields = serverFirst.Split(',');
        var salt = Convert.FromBase64String(fields[1][2..]);
        var iterations = int.Parse(fields[2][2..], System.Globalization.CultureInfo.InvariantCulture);
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(SaslPrep.Prepare(password)), salt, iterations, HashAlgorithmName.SHA256, 32);
        var clientKey = HMACSHA256.HashData(salted, "Client Key"u8);
        var storedKey = SHA256.HashData(clientKey);
        var authMessage = Encoding.UTF8.GetBytes($"{clientFirstBare},{serverFirst},{withoutProof}");
        var signature = HMACSHA256.HashData(storedKey, authMessage);
        var proof = clientKey.Zip(signature, (a, b) => (byte)(a ^ b)).ToArray();
        var serverSignature = HMACSHA256.HashData(HMACSHA256.HashData(salted, "Server Key"u8), authMessage);
        return ($"{withoutProof},p={Convert.ToBase64String(proof)}", "v=" + Convert.ToBase64String(serverSignature));
    }
}
