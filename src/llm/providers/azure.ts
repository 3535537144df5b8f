import { createAzure } from '@ai-sdk/azure';
import { NoProviderError } from '../errors/no-provider-error.ts';
import { fetchOption, stringOption, type ProviderDefinition } from './provider-definition.ts';

/**
 * Azure OpenAI. Env: AZURE_OPENAI_API_KEY, AZURE_OPENAI_ENDPOINT (https://<resource>.openai.azure.com) or
 * AZURE_OPENAI_RESOURCE_NAME, AZURE_OPENAI_DEPLOYMENT (the model id is the deployment name), AZURE_OPENAI_API_VERSION.
 */
export const azureProvider: ProviderDefinition = {
  name: 'azure',
  configuredByEnv: (env) => Boolean(env.AZURE_OPENAI_API_KEY && (env.AZURE_OPENAI_ENDPOINT || env.AZURE_OPENAI_RESOURCE_NAME)),
  create(settings) {
    const { env, options } = settings;
    const apiKey = settings.apiKey ?? env.AZURE_OPENAI_API_KEY;
    if (!apiKey) throw new NoProviderError('azure: no API key: set AZURE_OPENAI_API_KEY (or apiKey in .iacpac.yaml)');
    const endpoint = settings.baseUrl ?? (env.AZURE_OPENAI_ENDPOINT ? `${env.AZURE_OPENAI_ENDPOINT.replace(/\/+$/, '')}/openai` : undefined);
    const resourceName = stringOption(options, 'resourceName') ?? env.AZURE_OPENAI_RESOURCE_NAME;
    if (!endpoint && !resourceName) {
      throw new NoProviderError('azure: no endpoint: set AZURE_OPENAI_ENDPOINT or AZURE_OPENAI_RESOURCE_NAME (or --base-url)');
    }
    const modelId = settings.modelId ?? env.AZURE_OPENAI_DEPLOYMENT;
    if (!modelId) throw new NoProviderError('azure: no deployment: set AZURE_OPENAI_DEPLOYMENT or pass --model <deployment>');
    const apiVersion = stringOption(options, 'apiVersion') ?? env.AZURE_OPENAI_API_VERSION;
    const provider = createAzure({
      apiKey,
      ...(endpoint ? { baseURL: endpoint } : { resourceName: resourceName as string }),
      ...(apiVersion ? { apiVersion, useDeploymentBasedUrls: true } : {}),
      ...fetchOption(settings),
    });
    return { model: provider.chat(modelId), modelId, ...(endpoint ? { baseUrl: endpoint } : {}), secrets: [apiKey] };
  },
  createEmbedding(settings) {
    const { env, options } = settings;
    const apiKey = settings.apiKey ?? env.AZURE_OPENAI_API_KEY;
    if (!apiKey) throw new NoProviderError('azure: no API key: set AZURE_OPENAI_API_KEY (or apiKey in .iacpac.yaml)');
    const endpoint = settings.baseUrl ?? (env.AZURE_OPENAI_ENDPOINT ? `${env.AZURE_OPENAI_ENDPOINT.replace(/\/+$/, '')}/openai` : undefined);
    const resourceName = stringOption(options, 'resourceName') ?? env.AZURE_OPENAI_RESOURCE_NAME;
    if (!endpoint && !resourceName) throw new NoProviderError('azure: no endpoint: set AZURE_OPENAI_ENDPOINT or AZURE_OPENAI_RESOURCE_NAME (or --base-url)');
    const modelId = settings.modelId ?? env.AZURE_OPENAI_EMBEDDING_DEPLOYMENT;
    if (!modelId) throw new NoProviderError('azure: no embedding deployment: set AZURE_OPENAI_EMBEDDING_DEPLOYMENT or llm.embeddings.model');
    const provider = createAzure({ apiKey, ...(endpoint ? { baseURL: endpoint } : { resourceName: resourceName as string }) });
    return { model: provider.embedding(modelId), modelId, ...(endpoint ? { baseUrl: endpoint } : {}), secrets: [apiKey] };
  },
};
