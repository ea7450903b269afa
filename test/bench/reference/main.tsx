// The bench's yardstick: the smallest page that uses what the app is built on (React, ReactDOM, TanStack
// Query, the Bitrix24 SDK) and makes one REST call. The app may cost at most 15 KB gzip more than this. The bench
// also opens it inside the sandbox portal: its time to the first REST answer is the floor for this stack.
import { initializeB24Frame } from '@bitrix24/b24jssdk'
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'

function Bots() {
  const bots = useQuery({
    queryKey: ['bots'],
    queryFn: async () => {
      const b24 = await initializeB24Frame()
      const answer = await b24.actions.v2.call.make({ method: 'imbot.v2.Bot.list', params: {} })
      return JSON.stringify(answer.getData()?.result)
    },
  })
  // npm run bench frames this page in the sandbox portal and stops its clock when this text turns from "loading"
  // into the answer's JSON: the time to the first REST answer, rendered. (Unchanged markup: the page is also the
  // size yardstick.)
  return <pre>{bots.data ?? 'loading'}</pre>
}

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <QueryClientProvider client={new QueryClient()}>
      <Bots />
    </QueryClientProvider>,
  )
}
