// The JavaScript examples of shared/spec/smartcv-resume-api.txt, verbatim, run against a live
// SmartCV. The harness below only points relative URLs at the server and adds the API key
// (Node's fetch keeps no cookies, so `credentials: 'include'` alone cannot authenticate).
const BASE = process.env.SMARTCV_URL
const KEY = process.env.SMARTCV_KEY
const realFetch = globalThis.fetch
globalThis.fetch = (url, options = {}) =>
  realFetch(new URL(url, BASE), { ...options, headers: { ...(options.headers || {}), 'X-API-Key': KEY } })
const opened = []
globalThis.window = { open: (url) => opened.push(url) }

// ---- verbatim from the spec ---------------------------------------------------------------
// Get resume list
async function getResumes() {
  const response = await fetch('/api/resumes', {
    credentials: 'include'
  })
  const data = await response.json()
  return data.data
}
// Create new resume
async function createResume(resumeData) {
  const response = await fetch('/api/resumes', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json'
    },
    credentials: 'include',
    body: JSON.stringify(resumeData)
  })
  const data = await response.json()
  if (data.success) {
    console.log('Resume created successfully:', data.data)
  } else {
    console.error('Creation failed:', data.error)
  }
}
// Update resume
async function updateResume(resumeId, updates) {
  const response = await fetch(`/api/resumes/${resumeId}`, {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/json'
    },
    credentials: 'include',
    body: JSON.stringify(updates)
  })
  return response.json()
}
// Export resume
async function exportResume(resumeId, format = 'pdf') {
  const response = await fetch(`/api/resumes/${resumeId}/export`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json'
    },
    credentials: 'include',
    body: JSON.stringify({
      format,
      options: {
        pageSize: 'A4',
        margin: 'normal'
      }
    })
  })
  const data = await response.json()
  if (data.success) {
    // Download file
    window.open(data.data.downloadUrl, '_blank')
  }
}
// Create share link
async function createShareLink(resumeId, settings) {
  const response = await fetch(`/api/resumes/${resumeId}/share`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json'
    },
    credentials: 'include',
    body: JSON.stringify(settings)
  })
  const data = await response.json()
  if (data.success) {
    return data.data.shareUrl
  }
}
// ---- end of the spec's code ---------------------------------------------------------------

const results = {}
await createResume({
  title: 'Software Engineer Resume',
  contentJson: {
    personalInfo: { name: 'Zhang San', email: 'zhangsan@example.com', phone: '13800138000',
      address: 'Chaoyang District, Beijing', summary: '5 years of software development experience...' },
    workExperience: [{ company: 'ABC Technology Company', position: 'Senior Software Engineer',
      startDate: '2021-01', endDate: '2024-12', description: 'Responsible for core product development...' }],
    education: [{ school: 'Peking University', degree: 'Computer Science and Technology',
      startDate: '2017-09', endDate: '2021-06' }],
    skills: ['JavaScript', 'React', 'Node.js', 'Python'],
    projects: [{ name: 'E-commerce Platform', description: 'E-commerce platform developed with React and Node.js',
      technologies: ['React', 'Node.js', 'MongoDB'], url: 'https://github.com/example/ecommerce' }]
  }
})
const list = await getResumes()
results.titles = list.map((r) => r.title)
const id = list[0].id
const updated = await updateResume(id, { title: 'New Resume Title', status: 'PUBLISHED' })
results.updated = { success: updated.success, title: updated.data.title, status: updated.data.status }
await exportResume(id, 'pdf')
results.opened = opened
results.shareUrl = await createShareLink(id, { isEnabled: true, allowDownload: true, allowComments: false })
console.log('RESULTS ' + JSON.stringify(results))
