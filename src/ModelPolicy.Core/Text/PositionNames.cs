using System;
using System.Runtime.CompilerServices;

namespace ModelPolicy.Text
{
    /// <summary>
    /// Names of parameters, properties and JSON keys that carry a model id or an endpoint. Names are
    /// compared ignoring case and the separators '_' and '-' (<c>model_id</c>, <c>ModelId</c>, <c>model-id</c>).
    /// </summary>
    public static class PositionNames
    {
        // Whole names, and endings of longer ones (embeddingModelId, chatDeploymentName, textModel).
        private static readonly string[] ModelEndings = { "model", "modelid", "modelname", "deploymentname", "deploymentid", "modelpath", "modelfile", "modelidorpath", "modeloverride" };
        private static readonly string[] ModelWholeNames = { "deployment", "engine", "selectedmodel", "defaultmodel", "llmmodel" };

        // "…Model" names that are not AI models.
        private static readonly string[] NotModel =
        {
            "viewmodel", "datamodel", "pagemodel", "readmodel", "domainmodel", "inputmodel", "bindingmodel", "requestmodel", "responsemodel",
            "outputmodel", "editmodel", "formmodel", "carmodel", "vehiclemodel", "devicemodel", "phonemodel", "productmodel", "threatmodel",
            "costmodel", "pricemodel", "pricingmodel", "businessmodel", "objectmodel", "documentmodel", "colormodel", "mlmodel",
        };

        private static readonly string[] EndpointEndings = { "endpoint", "baseurl", "baseuri", "baseaddress", "apibase", "apiurl", "serverurl", "hosturl", "endpointurl", "endpointuri" };

        // "imageUri", "callbackUrl" are not endpoints; a bare "uri" (OllamaApiClient) is.
        private static readonly string[] EndpointWholeNames = { "uri", "url", "uristring", "host", "address", "server" };

        public static bool IsModelName(string name) => Matches(name, 0, name.Length, ModelEndings, ModelWholeNames, NotModel);

        public static bool IsModelName(string text, int start, int length) => Matches(text, start, length, ModelEndings, ModelWholeNames, NotModel);

        public static bool IsEndpointName(string name) => Matches(name, 0, name.Length, EndpointEndings, EndpointWholeNames, Array.Empty<string>());

        [MethodImpl(HotPath.Optimized)]
        private static bool Matches(string text, int start, int length, string[] endings, string[] whole, string[] excluded)
        {
            if (length == 0 || length > 64)
            {
                return false;
            }

            foreach (var e in excluded)
            {
                if (EndsWithFolded(text, start, length, e))
                {
                    return false;
                }
            }

            foreach (var e in endings)
            {
                if (EndsWithFolded(text, start, length, e))
                {
                    return true;
                }
            }

            foreach (var w in whole)
            {
                if (EndsWithFolded(text, start, length, w) && FoldedLength(text, start, length) == w.Length)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Compares the end of the text, skipping '_' and '-', ignoring ASCII case.</summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool EndsWithFolded(string text, int start, int length, string ending)
        {
            var i = start + length - 1;
            var j = ending.Length - 1;
            while (j >= 0)
            {
                while (i >= start && (text[i] == '_' || text[i] == '-'))
                {
                    i--;
                }

                if (i < start || !Glob.EqualsIgnoreCase(text[i], ending[j]))
                {
                    return false;
                }

                i--;
                j--;
            }

            return true;
        }

        private static int FoldedLength(string text, int start, int length)
        {
            var n = 0;
            for (var i = start; i < start + length; i++)
            {
                if (text[i] != '_' && text[i] != '-')
                {
                    n++;
                }
            }

            return n;
        }
    }
}
